import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { SPAWNER_SCRIPT } from '../../src/terraform/io/spawner-script.js'
import { openSpawner, SPAWNER_VARIABLE } from '../../src/terraform/io/spawner.js'
import { processesMatching } from '../helpers/stacks.js'

describe('the spawner', () => {
  it('is not used when TF_ORCHESTRATOR_SPAWNER=direct, or where Perl cannot be found', async () => {
    expect(await openSpawner({ ...process.env, [SPAWNER_VARIABLE]: 'direct' })).toBeUndefined()
    expect(await openSpawner({ PATH: '/nonexistent' })).toBeUndefined()
  })

  it('interrupts the commands still running when the run\'s process is gone (its stdin ends), then exits', async () => {
    const helper = spawn('perl', ['-e', SPAWNER_SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] })
    const exited = new Promise((resolve) => helper.once('exit', resolve))
    const lines = createInterface({ input: helper.stdout })[Symbol.asyncIterator]()
    const next = async (): Promise<string> => String((await lines.next()).value)
    expect(await next()).toBe('R')
    const request = ['7', process.cwd(), '/dev/null', '/dev/null', 'w', '1', `PATH=${process.env.PATH}`, '2', 'sleep', '291']
    helper.stdin.write(`${request.join('\0')}\0`)
    expect(await next()).toMatch(/^S 7 \d+$/)
    expect(processesMatching('sleep 291')).toHaveLength(1)
    helper.stdin.end()
    // SIGINT is signal 2.
    expect(await next()).toBe('E 7 sig 2')
    expect(await exited).toBe(0)
    expect(processesMatching('sleep 291')).toEqual([])
  })

  it('gives each of many requests sent at once exactly its own environment, tells S before E, and F for one that cannot start', async () => {
    const helper = spawn('perl', ['-e', SPAWNER_SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] })
    const replies: string[] = []
    const lines = createInterface({ input: helper.stdout })
    const done = new Promise<void>((resolve) => lines.on('line', (line) => (replies.push(line), replies.filter((r) => /^[EF] /.test(r)).length === 7 && resolve())))
    const dir = mkdtempSync('/tmp/tforch-spawner-test-')
    // Environments alternate (the spawner keeps the last one it set), and one request names a folder that does not exist.
    const envs = ['A', 'B', 'B', 'A', 'C', 'A']
    const requests = envs.map((name, i) => [String(i), dir, `${dir}/${i}.out`, `${dir}/${i}.err`, 'w', '2', `PATH=${process.env.PATH}`, `WHO=${name}`, '1', 'env'])
    requests.push(['6', `${dir}/missing`, `${dir}/6.out`, `${dir}/6.err`, 'w', '1', `PATH=${process.env.PATH}`, '1', 'env'])
    helper.stdin.write(requests.map((r) => `${r.join('\0')}\0`).join(''))
    await done
    helper.stdin.end()
    envs.forEach((name, i) => {
      expect(readFileSync(`${dir}/${i}.out`, 'utf8').trim().split('\n').sort()).toEqual([`PATH=${process.env.PATH}`, `WHO=${name}`].sort())
      expect(replies.indexOf(`E ${i} 0`)).toBeGreaterThan(replies.findIndex((r) => r.startsWith(`S ${i} `)))
    })
    expect(replies.find((r) => r.startsWith('F 6 '))).toMatch(/^F 6 cannot enter .*missing: No such file or directory$/)
    expect(replies.some((r) => / 6( |$)/.test(r) && !r.startsWith('F 6 '))).toBe(false)
    rmSync(dir, { recursive: true, force: true })
  })
})
