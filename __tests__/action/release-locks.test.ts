import { jest } from '@jest/globals'
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../src/action/main.js'
import { readEnvironment } from '../../src/app/environment.js'
import { readPrLock, takePrLock } from '../../src/locks/io/pr-lock-store.js'
import { localObjectStore } from '../../src/state/io/local-object-store.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

/** The action's `release-locks` command on a `pull_request` `closed` event, through its entry point. */
describe('release-locks on a closed pull request', () => {
  const repo = tempDir()
  afterAll(() => repo.cleanup())

  it('releases every deployment lock of that pull request and no other', async () => {
    const workingDir = join(repo.dir, 'infra')
    cpSync(join(repoRoot, 'examples/oci-region/toronto'), workingDir, { recursive: true, filter: (src) => !/[\\/]\.tf-orchestrator$/.test(src) })
    const objects = localObjectStore(join(workingDir, '.tf-orchestrator', 'state'))
    const owner = (pullRequest: number) => ({ runId: `r${pullRequest}`, host: 'runner', pid: 1, repository: 'acme/infra', pullRequest })
    const week = 7 * 24 * 3600_000
    await takePrLock(objects, { deployment: 'network/default/toronto/default', owner: owner(5), ttlMs: week })
    await takePrLock(objects, { deployment: 'compute/default/toronto/default', owner: owner(5), ttlMs: week })
    await takePrLock(objects, { deployment: 'identity/default/toronto/default', owner: owner(6), ttlMs: week })
    const event = join(repo.dir, 'event.json')
    writeFileSync(event, JSON.stringify({ action: 'closed', number: 5, pull_request: { number: 5, merged: true, head: { sha: 'a'.repeat(40) } }, repository: { name: 'infra', owner: { login: 'acme' } } }))
    mkdirSync(join(repo.dir, 'step'), { recursive: true })
    const vars: Record<string, string> = {
      INPUT_COMMAND: 'release-locks',
      'INPUT_WORKING-DIRECTORY': workingDir,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'acme/infra',
      GITHUB_OUTPUT: join(repo.dir, 'step', 'output'),
      GITHUB_STEP_SUMMARY: join(repo.dir, 'step', 'summary')
    }
    writeFileSync(vars.GITHUB_OUTPUT as string, '')
    Object.assign(process.env, vars)
    let log = ''
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      log += String(chunk)
      return true
    })
    const previousExitCode = process.exitCode
    try {
      await run(readEnvironment({ ...process.env, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: repo.dir }, false))
      expect(process.exitCode ?? 0).toBe(0)
    } finally {
      write.mockRestore()
      process.exitCode = previousExitCode
      for (const k of Object.keys(vars)) delete process.env[k]
    }
    expect(log).toContain('released 2 deployment lock(s) of acme/infra#5')
    expect(await readPrLock(objects, 'network/default/toronto/default')).toBeUndefined()
    expect(await readPrLock(objects, 'compute/default/toronto/default')).toBeUndefined()
    expect((await readPrLock(objects, 'identity/default/toronto/default'))?.owner.pullRequest).toBe(6)
  })
})
