import type { ObjectStore } from '../../state/object-store.js'
import { deploymentOfPrLockKey, isPullRequest, PR_LOCK_PREFIX, prLockKey, type PullRequestRef } from '../pr-lock.js'
import type { LockOwner, RunLock, StaleReason } from '../run-lock.js'
import { acquireRunLock, readLock, releaseRunLock, RunLockTimeout } from './run-lock-store.js'

/** Another pull request holds the deployment's lock (and it has not expired). */
export class PrLockHeld extends Error {
  constructor(readonly holder: RunLock) {
    super(`${holder.deployment} is locked by pull request ${holder.owner.repository ?? ''}#${holder.owner.pullRequest ?? '?'}`)
    this.name = 'PrLockHeld'
  }
}

export interface PrLockTaken {
  lock: RunLock
  /** The same pull request held it already: its expiry was pushed out. */
  renewed?: boolean
  /** An expired (or unreadable) lock this one replaced. */
  takenOver?: { from: RunLock | undefined; reason: StaleReason }
}

export interface TakePrLockOptions {
  deployment: string
  stateKey?: string
  /** The run, with repository and pullRequest (and headSha) of the pull request. */
  owner: LockOwner & PullRequestRef
  ttlMs: number
  now?: () => Date
}

/**
 * Takes a deployment's pull-request lock (create-only put of
 * `pr-locks/{id}.json`), renews it when the same pull request holds it, and
 * takes over an expired or unreadable one. Held by another pull request:
 * PrLockHeld. Callers hold the deployment's run lock meanwhile, so no other
 * run changes this lock between the read and the write.
 */
export async function takePrLock(store: ObjectStore, o: TakePrLockOptions): Promise<PrLockTaken> {
  const key = prLockKey(o.deployment)
  const now = o.now ?? (() => new Date())
  const current = await readLock(store, key)
  if (current !== undefined && current !== 'unreadable' && isPullRequest(current.owner, o.owner) && now().getTime() < Date.parse(current.expiresAt)) {
    // Renewed in place: `since` stays when the pull request first took it.
    const lock: RunLock = { ...current, owner: o.owner, ...(o.stateKey ? { stateKey: o.stateKey } : {}), expiresAt: new Date(now().getTime() + o.ttlMs).toISOString() }
    await store.put(key, `${JSON.stringify(lock, null, 2)}\n`, { contentType: 'application/json' })
    return { lock, renewed: true }
  }
  try {
    const got = await acquireRunLock(store, { key, deployment: o.deployment, stateKey: o.stateKey, owner: o.owner, kind: 'pull-request', ttlMs: o.ttlMs, timeoutMs: 0, now })
    return { lock: got.lock, ...(got.takenOver ? { takenOver: got.takenOver } : {}) }
  } catch (error) {
    if (error instanceof RunLockTimeout) throw new PrLockHeld(error.holder)
    throw error
  }
}

/** The deployment's pull-request lock, when there is a readable one. */
export async function readPrLock(store: ObjectStore, deployment: string): Promise<RunLock | undefined> {
  const lock = await readLock(store, prLockKey(deployment))
  return lock === 'unreadable' ? undefined : lock
}

/** Deletes the lock if it is still `lock`; whether it did. */
export const releasePrLock = (store: ObjectStore, lock: RunLock): Promise<boolean> => releaseRunLock(store, lock, prLockKey(lock.deployment))

/** Every pull-request lock of a store; `lock` is absent for an object that is not a readable lock. */
export async function listPrLocks(store: ObjectStore): Promise<{ key: string; deployment: string; lock?: RunLock }[]> {
  const found = []
  for (const info of await store.list(PR_LOCK_PREFIX)) {
    const deployment = deploymentOfPrLockKey(info.key)
    if (deployment === undefined) continue
    const lock = await readLock(store, info.key)
    if (lock === undefined) continue // released meanwhile
    found.push({ key: info.key, deployment, ...(lock === 'unreadable' ? {} : { lock }) })
  }
  return found
}

/** Releases every lock a pull request holds (it was closed or merged); the locks it released. */
export async function releasePrLocks(store: ObjectStore, repository: string, pullRequest: number): Promise<RunLock[]> {
  const released: RunLock[] = []
  for (const { lock } of await listPrLocks(store)) {
    if (lock && isPullRequest(lock.owner, { repository, pullRequest }) && (await releasePrLock(store, lock))) released.push(lock)
  }
  return released
}
