import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { getPriority, tmpdir } from 'node:os'
import { join } from 'node:path'
import { BACKGROUND_NICE, execCommand, executorWith, type Executor } from '../../src/terraform/io/executor.js'
import { SPAWNER_VARIABLE } from '../../src/terraform/io/spawner-process.js'
import { openSpawner, type Spawner } from '../../src/terraform/io/spawner.js'
import { processesMatching } from '../helpers/stacks.js'

const env = process.env as Record<string, string>
const gone = async (needle: string): Promise<void> => {
  for (const end = Date.now() + 2_000; processesMatching(needle).length > 0 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50))
  expect(processesMatching(needle)).toEqual([])
}

const spawners: Partial<Record<'python' | 'perl', Spawner>> = {}
beforeAll(async () => {
  for (const name of ['python', 'perl'] as const) {
    const spawner = await openSpawner({ ...process.env, [SPAWNER_VARIABLE]: name })
    if (spawner) spawners[name] = spawner
  }
  // Python and Perl are part of the machines this runs on: a missing spawner is a failure here, not a fallback.
  expect(Object.keys(spawners).sort()).toEqual(['perl', 'python'])
})
afterAll(async () => await Promise.all(Object.values(spawners).map((s) => s.close())))

// Every way of starting commands keeps the same contract: from this process, and through either spawner.
const executors: [string, () => Executor][] = [
  ['started from this process', () => execCommand],
  ['started by the Python spawner', () => executorWith((spawners.python as Spawner).start)],
  ['started by the Perl spawner', () => executorWith((spawners.perl as Spawner).start)]
]

describe.each(executors)('the executor, commands %s', (how, executor) => {
  let execCommand: Executor
  beforeAll(() => void (execCommand = executor()))
  it('passes arguments as an array, with no shell in between', async () => {
    const r = await execCommand('printf', ['%s|', 'a b', '$(echo no)', ';ls'], { cwd: process.cwd(), env })
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe('a b|$(echo no)|;ls|')
  })

  it('interrupts with SIGINT, then kills the whole tree after the grace period', async () => {
    const abort = new AbortController()
    // The child ignores SIGINT and leaves a grandchild behind: both must go.
    const run = execCommand('sh', ['-c', "trap '' INT; sleep 271 & sleep 272; wait"], { cwd: process.cwd(), env, signal: abort.signal, graceMs: 300 })
    await new Promise((r) => setTimeout(r, 300))
    expect(processesMatching('sleep 271').filter((p) => p.endsWith(': sleep 271'))).toHaveLength(1)
    abort.abort()
    const r = await run
    expect(r.interrupted).toBe(true)
    expect(r.exitCode).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(processesMatching('sleep 271')).toEqual([])
    expect(processesMatching('sleep 272')).toEqual([])
  })

  it('does not start a command that was cancelled before it started', async () => {
    const abort = new AbortController()
    abort.abort()
    const r = await execCommand('sh', ['-c', 'sleep 273'], { cwd: process.cwd(), env, signal: abort.signal })
    expect(r).toMatchObject({ interrupted: true, exitCode: null, durationMs: 0 })
    expect(processesMatching('sleep 273')).toEqual([])
  })

  it('captures stdout, stderr, both as printed, and every line (the unterminated last one too)', async () => {
    const lines: string[] = []
    const r = await execCommand('sh', ['-c', 'printf "a\\nb"; printf "c\\n" >&2; sleep 0.05; printf "\\nd é"'], { cwd: process.cwd(), env, onLine: (l) => void lines.push(l) })
    expect(r).toMatchObject({ exitCode: 0, stdout: 'a\nb\nd é', stderr: 'c\n', output: 'a\nbc\n\nd é', interrupted: false })
    expect(lines.sort()).toEqual(['a', 'b', 'c', 'd é'])
  })

  it('keeps stdout and stderr apart without a live log, and gives the command exactly its environment and folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tforch-exec-'))
    try {
      // The command before had HOME (a spawner's request carries only what changed since the one before).
      expect((await execCommand('sh', ['-c', 'printf "%s" "$HOME"'], { cwd: dir, env: { ...env, HOME: '/home/before' } })).stdout).toBe('/home/before')
      const r = await execCommand('sh', ['-c', 'printf "%s|%s|%s" "$PWD" "$ONLY" "${HOME-unset}"; printf "é\\n" >&2; exit 4'], { cwd: dir, env: { PATH: env.PATH as string, ONLY: 'a=b c' } })
      expect(r).toMatchObject({ exitCode: 4, stdout: `${dir}|a=b c|unset`, stderr: 'é\n', output: `${dir}|a=b c|unsetBODY`.replace('BODY', 'é\n') })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('appends stdout and stderr as printed to a live log, and returns only this command\'s part', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tforch-exec-'))
    try {
      const log = join(dir, 'live.log')
      writeFileSync(log, 'before\n')
      const r = await execCommand('sh', ['-c', 'echo out; sleep 0.05; echo err >&2; sleep 0.05; echo out again'], { cwd: dir, env, liveLog: log })
      expect(r).toMatchObject({ exitCode: 0, stdout: '', stderr: '', output: 'out\nerr\nout again\n' })
      expect(readFileSync(log, 'utf8')).toBe('before\nout\nerr\nout again\n')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('passes a request bigger than a pipe\'s buffer whole: a long environment value, many arguments, non-ASCII text', async () => {
    const long = 'v'.repeat(100_000) // one string may hold up to 128 KiB (Linux)
    const args = Array.from({ length: 3_000 }, (_, i) => `arg-${i}-é`)
    const r = await execCommand('sh', ['-c', 'for a; do last=$a; done; printf "%s %s %s %s" "${#LONG}" "$#" "$1" "$last"', 'sh', ...args], { cwd: process.cwd(), env: { PATH: env.PATH as string, LONG: long } })
    expect(r).toMatchObject({ exitCode: 0, stdout: '100000 3000 arg-0-é arg-2999-é' })
  })

  it('reports a command ended by a signal with no exit code', async () => {
    const r = await execCommand('sh', ['-c', 'kill -KILL $$'], { cwd: process.cwd(), env })
    expect(r).toMatchObject({ exitCode: null, interrupted: false })
  })

  it('reports the tool\'s pid as it starts, and the tree only for a command still running after a moment', async () => {
    const quick: number[][] = []
    const run = execCommand('sh', ['-c', 'exit 0'], { cwd: process.cwd(), env, onChildPids: (pids) => void quick.push(pids) })
    // From this process: synchronously at the start, before any await. Through the spawner: as soon as it says so, before the end.
    if (how === 'started from this process') expect(quick).toHaveLength(1)
    await run
    expect(quick).toHaveLength(1)
    const slow: number[][] = []
    await execCommand('sh', ['-c', 'sleep 1.8 & wait'], { cwd: process.cwd(), env, onChildPids: (pids) => void slow.push(pids) })
    expect(slow.length).toBeGreaterThanOrEqual(2)
    expect(slow[1]).toEqual(expect.arrayContaining(slow[0] as number[]))
    expect(slow[1]?.length).toBeGreaterThan(1)
  })

  it('runs a background command, and what it starts later, at a lower CPU priority; any other at ours', async () => {
    // `nice` with no operand prints its own niceness: the shell's, inherited once the shell was lowered.
    const niceness = ['-c', 'sleep 0.5; nice']
    const expected = Math.min(19, getPriority() + BACKGROUND_NICE)
    expect(await execCommand('sh', niceness, { cwd: process.cwd(), env, background: true })).toMatchObject({ exitCode: 0, stdout: `${expected}\n` })
    expect(await execCommand('sh', niceness, { cwd: process.cwd(), env })).toMatchObject({ exitCode: 0, stdout: `${getPriority()}\n` })
  })

  it('sweeps the tree of a failed command, not of one that exited with a success code', async () => {
    // The orphan's output goes elsewhere, so the command ends as soon as the shell does.
    const leave = (code: number, marker: string): string[] => ['-c', `sleep ${marker} >/dev/null 2>&1 & exit ${code}`]
    const failed = await execCommand('sh', leave(1, '275'), { cwd: process.cwd(), env })
    expect(failed.exitCode).toBe(1)
    await gone('sleep 275')
    const changes = await execCommand('sh', leave(2, '276'), { cwd: process.cwd(), env, successCodes: [0, 2] })
    expect(changes.exitCode).toBe(2)
    const left = processesMatching('sleep 276')
    expect(left).toHaveLength(1)
    process.kill(Number(left[0]?.split(':')[0]), 'SIGKILL')
  })

  it('does not wait for a grandchild that holds the output open after the tool exited', async () => {
    const started = Date.now()
    const r = await execCommand('sh', ['-c', 'sleep 277 & echo done; exit 3'], { cwd: process.cwd(), env })
    expect(r).toMatchObject({ exitCode: 3, stdout: 'done\n' })
    expect(Date.now() - started).toBeLessThan(4_000)
    // Killed by the sweep (exit 3 is a failure); dying takes a moment on a busy machine.
    await gone('sleep 277')
  })

  it('rejects a tool that cannot be started, or a folder that does not exist', async () => {
    await expect(execCommand('/nonexistent/tofu', ['plan'], { cwd: process.cwd(), env })).rejects.toThrow(/cannot run \/nonexistent\/tofu/)
    await expect(execCommand('sh', ['-c', 'true'], { cwd: '/nonexistent/folder', env })).rejects.toThrow(/cannot run sh in \/nonexistent\/folder/)
  })
})
