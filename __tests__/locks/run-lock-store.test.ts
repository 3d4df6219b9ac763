import { spawnSync } from 'node:child_process'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { hostName } from '../../src/locks/io/processes.js'
import { acquireRunLock, forceReleaseRunLock, listRunLocks, releaseRunLock, RunLockTimeout } from '../../src/locks/io/run-lock-store.js'
import { newRunLock, runLockKey, type LockOwner } from '../../src/locks/run-lock.js'
import { localObjectStore } from '../../src/state/io/local-object-store.js'
import { s3ObjectStore } from '../../src/state/io/s3-object-store.js'
import type { ObjectStore } from '../../src/state/object-store.js'
import { startMinio, type Minio } from '../helpers/minio.js'
import { tempDir } from '../helpers/temp-dir.js'

const id = 'app/acct/east/proj'
const me = (runId: string): LockOwner => ({ runId, host: hostName(), pid: process.pid })
const base = { deployment: id, ttlMs: 60_000, timeoutMs: 5_000, pollMs: 20 }
/** The pid of a process that has exited. */
const deadPid = (): number => spawnSync('true').pid as number

let minio: Minio
const tmp = tempDir()
beforeAll(async () => {
  minio = await startMinio()
  await minio.createBucket('locks')
})
afterAll(async () => {
  await minio?.stop()
  tmp.cleanup()
})

const stores: [string, () => ObjectStore][] = [
  ['local folder', () => localObjectStore(join(tmp.dir, String(Math.random())))],
  ['S3 (MinIO)', () => s3ObjectStore(minio.client, { bucket: 'locks', prefix: `${Math.random()}/`, encryption: { kind: 'AES256' } })]
]

describe.each(stores)('run locks in a %s', (_name, makeStore) => {
  it('go to one holder at a time: the second waits until the first lets go', async () => {
    const store = makeStore()
    const first = await acquireRunLock(store, { ...base, owner: me('a') })
    expect(first.waitedMs).toBeLessThan(1000)
    let waiting = false
    const second = acquireRunLock(store, { ...base, owner: me('b'), onWait: (holder) => (waiting = holder.owner.runId === 'a') })
    await new Promise((r) => setTimeout(r, 300))
    expect(waiting).toBe(true)
    expect(await releaseRunLock(store, first.lock)).toBe(true)
    const got = await second
    expect(got.lock.owner.runId).toBe('b')
    expect(got.waitedMs).toBeGreaterThanOrEqual(250)
    expect(got.takenOver).toBeUndefined()
    // Released only by its holder: the first run's lock is gone, the second's stays.
    expect(await releaseRunLock(store, first.lock)).toBe(false)
    expect((await listRunLocks(store)).map((l) => l.lock?.owner.runId)).toEqual(['b'])
  })

  it('give up after the timeout naming the holder', async () => {
    const store = makeStore()
    await acquireRunLock(store, { ...base, owner: { ...me('holder'), githubRunId: '777' } })
    const failure = acquireRunLock(store, { ...base, owner: me('late'), timeoutMs: 200 })
    await expect(failure).rejects.toBeInstanceOf(RunLockTimeout)
    await expect(failure).rejects.toThrow(new RegExp(`^deployment ${id} is locked by run holder \\(pid ${process.pid} on ${hostname()}, GitHub run 777\\) since .+; waited 0s$`))
  })

  it('take over a lock whose process is gone from this host, or that expired, and say so', async () => {
    const store = makeStore()
    const dead = { runId: 'dead', host: hostName(), pid: deadPid() }
    await store.put(runLockKey(id), JSON.stringify(newRunLock(id, dead, new Date(), 60_000)))
    const got = await acquireRunLock(store, { ...base, owner: me('next') })
    expect(got.takenOver).toMatchObject({ reason: 'holder-gone', from: { owner: dead } })
    await releaseRunLock(store, got.lock)
    const elsewhere = { runId: 'old', host: 'another-host', pid: 1 }
    await store.put(runLockKey(id), JSON.stringify(newRunLock(id, elsewhere, new Date(Date.now() - 120_000), 60_000)))
    expect((await acquireRunLock(store, { ...base, owner: me('after') })).takenOver).toMatchObject({ reason: 'expired', from: { owner: elsewhere } })
  })

  it('of a stale holder go to exactly one of many waiters at once', async () => {
    const store = makeStore()
    await store.put(runLockKey(id), JSON.stringify(newRunLock(id, { runId: 'dead', host: hostName(), pid: deadPid() }, new Date(), 60_000)))
    const tries = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => acquireRunLock(store, { ...base, owner: me(`w${i}`), timeoutMs: 1500 })))
    const won = tries.filter((t) => t.status === 'fulfilled')
    expect(won).toHaveLength(1)
    expect(tries.filter((t) => t.status === 'rejected' && t.reason instanceof RunLockTimeout)).toHaveLength(5)
    const holder = (await listRunLocks(store))[0]?.lock?.owner.runId
    expect(holder).toBe((won[0] as PromiseFulfilledResult<{ lock: { owner: LockOwner } }>).value.lock.owner.runId)
  })

  it('stop waiting when the run is cancelled', async () => {
    const store = makeStore()
    await acquireRunLock(store, { ...base, owner: me('holder') })
    const cancel = new AbortController()
    const waiting = acquireRunLock(store, { ...base, owner: me('cancelled'), timeoutMs: 60_000, signal: cancel.signal })
    setTimeout(() => cancel.abort(new Error('SIGINT')), 100)
    await expect(waiting).rejects.toThrow('SIGINT')
  })

  it('are released by force only when asked, whoever holds them', async () => {
    const store = makeStore()
    await acquireRunLock(store, { ...base, owner: me('pr-run') })
    expect(await forceReleaseRunLock(store, id)).toMatchObject({ owner: { runId: 'pr-run' } })
    expect(await listRunLocks(store)).toEqual([])
    expect(await forceReleaseRunLock(store, id)).toBeUndefined()
  })
})
