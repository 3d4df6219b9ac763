import { setTimeout as sleep } from 'node:timers/promises'
import { ObjectChangedError, ObjectExistsError, type ObjectStore } from '../../state/object-store.js'
import {
  deploymentOfLockKey,
  describeLock,
  LOCK_PREFIX,
  newRunLock,
  parseRunLock,
  runLockKey,
  sameLock,
  staleReason,
  type LockOwner,
  type RunLock,
  type StaleReason
} from '../run-lock.js'
import { hostName, pidAlive } from './processes.js'

export interface AcquireOptions {
  deployment: string
  /** The lock object (default `locks/{deployment}.json`; a pull request's lock has its own). */
  key?: string
  stateKey?: string
  owner: LockOwner
  kind?: RunLock['kind']
  /** How long the lock is valid without its holder (expiresAt = now + ttlMs). */
  ttlMs: number
  /** How long to wait for a live holder before giving up (lock_timeout). */
  timeoutMs: number
  /** Between looks at a held lock (default 2 s). */
  pollMs?: number
  /** Aborting stops the wait (throws the abort reason). */
  signal?: AbortSignal
  /** Tests pass their own liveness check and clock. */
  alive?: (pid: number) => boolean
  now?: () => Date
  /** Called once, when the lock is first found held by someone else. */
  onWait?: (holder: RunLock) => void
}

export interface Acquired {
  lock: RunLock
  waitedMs: number
  /** The stale lock this acquisition replaced, and why it was stale. */
  takenOver?: { from: RunLock | undefined; reason: StaleReason }
}

/** The lock stayed held by a live holder for the whole wait. */
export class RunLockTimeout extends Error {
  constructor(
    readonly holder: RunLock,
    waitedMs: number
  ) {
    super(`deployment ${holder.deployment} is locked by ${describeLock(holder)}; waited ${Math.round(waitedMs / 1000)}s`)
    this.name = 'RunLockTimeout'
  }
}

const decode = (bytes: Uint8Array | undefined): string | undefined => (bytes === undefined ? undefined : new TextDecoder().decode(bytes))

/** The lock object's content: absent, a lock, or 'unreadable'. */
export async function readLock(store: ObjectStore, key: string): Promise<RunLock | 'unreadable' | undefined> {
  const text = decode(await store.get(key))
  return text === undefined ? undefined : (parseRunLock(text) ?? 'unreadable')
}

/**
 * Takes the run lock of a deployment: a create-only put of `locks/{id}.json`.
 * A live holder is waited for (polling) up to timeoutMs, then RunLockTimeout
 * names it. A stale holder (expired, its process gone from this host, or an
 * unreadable object) is replaced: re-read, then a conditional put naming its tag (If-Match), and the
 * new lock read back, so of two waiters replacing the same stale lock one wins.
 */
export async function acquireRunLock(store: ObjectStore, o: AcquireOptions): Promise<Acquired> {
  const key = o.key ?? runLockKey(o.deployment)
  const now = o.now ?? (() => new Date())
  const alive = o.alive ?? pidAlive
  const host = hostName()
  const started = now().getTime()
  let warned = false
  for (;;) {
    o.signal?.throwIfAborted()
    const lock = newRunLock(o.deployment, o.owner, now(), o.ttlMs, { stateKey: o.stateKey, ...(o.kind ? { kind: o.kind } : {}) })
    const body = `${JSON.stringify(lock, null, 2)}\n`
    try {
      await store.put(key, body, { ifNoneMatch: true, contentType: 'application/json' })
      return { lock, waitedMs: now().getTime() - started }
    } catch (error) {
      if (!(error instanceof ObjectExistsError)) throw error
    }
    const holder = await readLock(store, key)
    if (holder === undefined) continue // released meanwhile
    const reason = holder === 'unreadable' ? 'unreadable' : staleReason(holder, { host, now: now(), alive })
    if (reason) {
      // Replaced only if still the stale lock read here (If-Match on its tag): a delete and a
      // create would leave a moment without a lock, where another waiter's create-only put wins too.
      const tag = (await store.head(key))?.etag
      const again = await readLock(store, key)
      const unchanged = holder === 'unreadable' ? again === 'unreadable' : again !== undefined && again !== 'unreadable' && sameLock(again, holder)
      if (!unchanged) continue
      if (tag === undefined) throw new Error(`cannot replace the stale run lock ${key} in ${store.location}: the store reports no version tag`)
      try {
        await store.put(key, body, { ifMatch: tag, contentType: 'application/json' })
      } catch (error) {
        if (error instanceof ObjectChangedError) continue // another waiter replaced it first, or it was released
        throw error
      }
      // A waiter that read the same stale lock a moment earlier may delete ours: look once more.
      await sleep(100)
      const mine = await readLock(store, key)
      if (mine === undefined || mine === 'unreadable' || !sameLock(mine, lock)) continue
      return { lock, waitedMs: now().getTime() - started, takenOver: { from: holder === 'unreadable' ? undefined : holder, reason } }
    }
    const waited = now().getTime() - started
    if (waited >= o.timeoutMs) throw new RunLockTimeout(holder as RunLock, waited)
    if (!warned) o.onWait?.(holder as RunLock)
    warned = true
    await sleep(Math.min(o.pollMs ?? 2000, Math.max(1, o.timeoutMs - waited)), undefined, { signal: o.signal }).catch(() => o.signal?.throwIfAborted())
  }
}

/** Deletes the lock if it is still `lock` (not taken over meanwhile); whether it did. */
export async function releaseRunLock(store: ObjectStore, lock: RunLock, key = runLockKey(lock.deployment)): Promise<boolean> {
  const current = await readLock(store, key)
  if (current === undefined || current === 'unreadable' || !sameLock(current, lock)) return false
  await store.delete(key)
  return true
}

/** Every run lock of a store; `lock` is absent for an object that is not a readable lock. */
export async function listRunLocks(store: ObjectStore): Promise<{ key: string; deployment: string; lock?: RunLock }[]> {
  const found = []
  for (const info of await store.list(LOCK_PREFIX)) {
    const deployment = deploymentOfLockKey(info.key)
    if (deployment === undefined) continue
    const lock = await readLock(store, info.key)
    if (lock === undefined) continue // released meanwhile
    found.push({ key: info.key, deployment, ...(lock === 'unreadable' ? {} : { lock }) })
  }
  return found
}

/** Deletes a deployment's lock whoever holds it (`locks release --yes`); the lock it removed, if any. */
export async function forceReleaseRunLock(store: ObjectStore, deployment: string): Promise<RunLock | 'unreadable' | undefined> {
  const key = runLockKey(deployment)
  const current = await readLock(store, key)
  if (current !== undefined) await store.delete(key)
  return current
}
