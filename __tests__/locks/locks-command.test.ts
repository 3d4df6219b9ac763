import { join } from 'node:path'
import { readEnvironment } from '../../src/app/environment.js'
import { locksCommand } from '../../src/cli/locks-command.js'
import { acquireRunLock } from '../../src/locks/io/run-lock-store.js'
import { hostName } from '../../src/locks/io/processes.js'
import { newRunLock, runLockKey } from '../../src/locks/run-lock.js'
import { localObjectStore } from '../../src/state/io/local-object-store.js'
import { tempDir } from '../helpers/temp-dir.js'

/** Runs `locks ...` against a working directory with the default (local) store; returns what it printed and the exit code. */
async function locks(dir: string, ...args: string[]): Promise<{ out: string; err: string; code: number }> {
  const printed = { out: '', err: '', code: 0 }
  const command = locksCommand({
    output: { out: (t) => void (printed.out += `${t}\n`), err: (t) => void (printed.err += `${t}\n`) },
    env: readEnvironment({}),
    setExitCode: (code) => void (printed.code = code)
  })
  await command.parseAsync([args[0] as string, '-w', dir, ...args.slice(1)], { from: 'user' })
  return printed
}

describe('locks list / locks release', () => {
  const tmp = tempDir({ '.tf-orchestrator.yml': 'lock_timeout: 2m\n' })
  const store = localObjectStore(join(tmp.dir, '.tf-orchestrator', 'state'))
  afterAll(() => tmp.cleanup())

  it('list every run lock with its holder and whether it is stale', async () => {
    expect((await locks(tmp.dir, 'list')).out).toBe('no run locks\n')
    await acquireRunLock(store, { deployment: 'app/a/east/p', owner: { runId: 'live-run', host: hostName(), pid: process.pid, githubRunId: '9' }, ttlMs: 60_000, timeoutMs: 0 })
    await store.put(runLockKey('db/a/east/p'), JSON.stringify(newRunLock('db/a/east/p', { runId: 'old-run', host: 'elsewhere', pid: 7 }, new Date(Date.now() - 120_000), 60_000)))
    const { out } = await locks(tmp.dir, 'list')
    expect(out).toMatch(new RegExp(`app/a/east/p +run live-run \\(pid ${process.pid} on ${hostName()}, GitHub run 9\\) .* held`))
    expect(out).toMatch(/db\/a\/east\/p +run old-run \(pid 7 on elsewhere\) .* stale: expired/)
    const json = JSON.parse((await locks(tmp.dir, 'list', '--json')).out) as { locks: { deployment: string; stale?: string }[] }
    expect(json.locks.map((l) => [l.deployment, l.stale])).toEqual([['app/a/east/p', undefined], ['db/a/east/p', 'expired']])
  })

  it('release a lock only with --yes, naming who held it', async () => {
    const refused = await locks(tmp.dir, 'release', 'app/a/east/p')
    expect(refused).toMatchObject({ code: 2, err: expect.stringContaining('not released: add --yes to release locks/app/a/east/p.json (held by run live-run') })
    expect(await store.get(runLockKey('app/a/east/p'))).toBeDefined()
    const released = await locks(tmp.dir, 'release', 'app/a/east/p', '--yes')
    expect(released).toMatchObject({ code: 0, out: expect.stringMatching(/^released locks\/app\/a\/east\/p\.json, held by run live-run/) })
    expect(await store.get(runLockKey('app/a/east/p'))).toBeUndefined()
    expect(await locks(tmp.dir, 'release', 'app/a/east/p', '--yes')).toMatchObject({ code: 1, err: expect.stringContaining('no run lock for app/a/east/p') })
  })
})
