import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { SPAWNER_COMMANDS, SPAWNER_VARIABLE } from '../../src/terraform/io/spawner-process.js'
import { openSpawner } from '../../src/terraform/io/spawner.js'
import { processStartTime } from '../../src/locks/io/processes.js'
import { processesMatching } from '../helpers/stacks.js'

/** The program a spawner process runs, from /proc. */
const programOf = (pid: number): string => readFileSync(`/proc/${pid}/comm`, 'utf8').trim()

describe('choosing the spawner', () => {
  it('takes Python, else Perl, else none; TF_ORCHESTRATOR_SPAWNER names one, or `direct` for none', async () => {
    const chosen = async (env: NodeJS.ProcessEnv): Promise<string | undefined> => {
      const spawner = await openSpawner(env)
      const program = spawner && programOf(spawner.pid)
      await spawner?.close()
      return program
    }
    expect(await chosen(process.env)).toMatch(/^python3/)
    expect(await chosen({ ...process.env, [SPAWNER_VARIABLE]: 'perl' })).toBe('perl')
    expect(await chosen({ ...process.env, [SPAWNER_VARIABLE]: 'direct' })).toBeUndefined()
    expect(await chosen({ PATH: '/nonexistent' })).toBeUndefined()
    // A python3 that cannot run the spawner (too old: it exits at once) gives way to Perl.
    const bin = mkdtempSync('/tmp/tforch-spawner-path-')
    writeFileSync(join(bin, 'python3'), '#!/bin/sh\nexit 3\n', { mode: 0o755 })
    symlinkSync(execFileSync('sh', ['-c', 'command -v perl'], { encoding: 'utf8' }).trim(), join(bin, 'perl'))
    expect(await chosen({ PATH: bin })).toBe('perl')
    rmSync(bin, { recursive: true, force: true })
  })
})

describe.each(Object.entries(SPAWNER_COMMANDS))('the %s spawner', (name, [program, ...programArgs]) => {
  const startHelper = () => spawn(program, programArgs, { stdio: ['pipe', 'pipe', 'inherit'] })

  it('interrupts the commands still running when the run\'s process is gone (its stdin ends), then exits', async () => {
    const helper = startHelper()
    const exited = new Promise((resolve) => helper.once('exit', resolve))
    const lines = createInterface({ input: helper.stdout })[Symbol.asyncIterator]()
    const next = async (): Promise<string> => String((await lines.next()).value)
    expect(await next()).toBe('R')
    const request = ['7', process.cwd(), '/dev/null', '/dev/null', 'w', '1', `PATH=${process.env.PATH}`, '2', 'sleep', '291']
    helper.stdin.write(`${request.join('\0')}\0`)
    const [, pid, start] = (await next()).match(/^S 7 (\d+)(?: (\d+))?$/) ?? []
    // The Python spawner tells the start time /proc gives (what the run records), the Perl one leaves it to the run.
    expect(start).toBe(name === 'python' ? processStartTime(Number(pid)) : undefined)
    expect(processesMatching('sleep 291')).toHaveLength(1)
    helper.stdin.end()
    // SIGINT is signal 2.
    expect(await next()).toBe('E 7 sig 2')
    expect(await exited).toBe(0)
    expect(processesMatching('sleep 291')).toEqual([])
  })

  /** Sends `requests` to a new spawner at once; its replies once `ends` of them are E or F lines. */
  const exchange = async (requests: string[][], ends: number): Promise<string[]> => {
    const helper = startHelper()
    const replies: string[] = []
    const lines = createInterface({ input: helper.stdout })
    const done = new Promise<void>((resolve) => lines.on('line', (line) => (replies.push(line), replies.filter((r) => /^[EF] /.test(r)).length === ends && resolve())))
    helper.stdin.write(requests.map((r) => `${r.join('\0')}\0`).join(''))
    await done
    helper.stdin.end()
    return replies
  }

  it('gives each of many requests sent at once exactly its own environment, tells S before E, and F for one that cannot start', async () => {
    const dir = mkdtempSync('/tmp/tforch-spawner-test-')
    // Each request says what changed since the one before (NAME=value sets, NAME removes); the spawner's own environment is not the base.
    const path = `PATH=${process.env.PATH}`
    const steps: [string[], string[]][] = [
      [[path, 'WHO=A', 'EXTRA=1'], [path, 'WHO=A', 'EXTRA=1']],
      [['WHO=B', 'EXTRA'], [path, 'WHO=B']],
      [[], [path, 'WHO=B']],
      [['WHO=A', 'EMPTY='], [path, 'WHO=A', 'EMPTY=']],
      [['WHO=C=D', 'EMPTY'], [path, 'WHO=C=D']],
      [['NEVER-SET'], [path, 'WHO=C=D']]
    ]
    const requests = steps.map(([changes], i) => [String(i), dir, `${dir}/${i}.out`, `${dir}/${i}.err`, 'w', String(changes.length), ...changes, '1', 'env'])
    // One request names a folder that does not exist.
    requests.push(['6', `${dir}/missing`, `${dir}/6.out`, `${dir}/6.err`, 'w', '0', '1', 'env'])
    const replies = await exchange(requests, 7)
    steps.forEach(([, expected], i) => {
      expect(readFileSync(`${dir}/${i}.out`, 'utf8').trim().split('\n').sort()).toEqual(expected.sort())
      expect(replies.indexOf(`E ${i} 0`)).toBeGreaterThan(replies.findIndex((r) => r.startsWith(`S ${i} `)))
    })
    expect(replies.find((r) => r.startsWith('F 6 '))).toMatch(/^F 6 cannot enter .*missing: No such file or directory$/)
    expect(replies.some((r) => / 6( |$)/.test(r) && !r.startsWith('F 6 '))).toBe(false)
    rmSync(dir, { recursive: true, force: true })
  })

  it('looks a bare tool name up in the command\'s own PATH, starts it with SIGPIPE at its default, and says F when no folder has it', async () => {
    const dir = mkdtempSync('/tmp/tforch-spawner-path-')
    // A tool only the command's PATH holds; it prints the mask of ignored signals (SIGPIPE is signal 13: bit 12).
    writeFileSync(join(dir, 'only-here'), '#!/bin/sh\nsed -n "s/^SigIgn:\\t//p" /proc/$$/status\n', { mode: 0o755 })
    const request = (id: string, tool: string) => [id, dir, `${dir}/${id}.out`, `${dir}/${id}.err`, 'w', '1', `PATH=/nonexistent:${dir}:/usr/bin:/bin`, '1', tool]
    const replies = await exchange([request('0', 'only-here'), request('1', 'nowhere-at-all')], 2)
    expect(replies).toContain('E 0 0')
    expect(BigInt(`0x${readFileSync(`${dir}/0.out`, 'utf8').trim()}`) & (1n << 12n)).toBe(0n)
    expect(replies.find((r) => r.startsWith('F 1 '))).toMatch(/^F 1 cannot run nowhere-at-all: No such file or directory$/)
    rmSync(dir, { recursive: true, force: true })
  })
})
