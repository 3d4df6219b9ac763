import { execCommand } from '../../src/terraform/io/executor.js'
import { processesMatching } from '../helpers/stacks.js'

const env = process.env as Record<string, string>

describe('the executor', () => {
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
})
