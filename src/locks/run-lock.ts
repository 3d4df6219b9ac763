/**
 * Who holds a run lock. A CLI or CI run fills runId, host and pid; a lock held
 * for a pull request (from its plan to the apply on merge) adds repository and
 * pullRequest, and outlives the process that took it.
 */
export interface LockOwner {
  runId: string
  host: string
  pid: number
  repository?: string
  pullRequest?: number
  githubRunId?: string
  /** A pull request's lock: the head commit its plan was made from. */
  headSha?: string
}

/** The object at `locks/{deployment id}.json`: one deployment, one holder, until expiresAt. */
export interface RunLock {
  deployment: string
  /** Where the deployment's state lives (the state check after a dead holder needs it). */
  stateKey?: string
  owner: LockOwner
  /** `run`: released when its run ends, stale once its process is gone. `pull-request`: held until released or expired. */
  kind?: 'run' | 'pull-request'
  acquiredAt: string
  expiresAt: string
}

/** Why a lock no longer holds: expired, its process is gone from this host, or its object is unreadable. */
export type StaleReason = 'expired' | 'holder-gone' | 'unreadable'

/** The folder (key prefix) of every run lock in a store. */
export const LOCK_PREFIX = 'locks/'

/** `locks/{deployment id}.json` */
export function runLockKey(deploymentId: string): string {
  return `${LOCK_PREFIX}${deploymentId}.json`
}

/** The deployment id of a lock key, or undefined for any other key. */
export function deploymentOfLockKey(key: string): string | undefined {
  return key.startsWith(LOCK_PREFIX) && key.endsWith('.json') ? key.slice(LOCK_PREFIX.length, -'.json'.length) || undefined : undefined
}

/** A new lock for `owner`, valid for `ttlMs` from `now`. */
export function newRunLock(deployment: string, owner: LockOwner, now: Date, ttlMs: number, extra: Pick<RunLock, 'stateKey' | 'kind'> = {}): RunLock {
  return { deployment, ...extra, owner, acquiredAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttlMs).toISOString() }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v))

/** A lock object's content, or undefined when it is not a lock (truncated, foreign, missing fields). */
export function parseRunLock(text: string): RunLock | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isRecord(value) || !isRecord(value.owner) || typeof value.deployment !== 'string') return undefined
  const owner = value.owner
  if (typeof owner.runId !== 'string' || typeof owner.host !== 'string' || !Number.isInteger(owner.pid)) return undefined
  if (!isTime(value.acquiredAt) || !isTime(value.expiresAt)) return undefined
  return value as unknown as RunLock
}

/** What the waiter knows: its host, the time, and whether a process of this host is alive. */
export interface Here {
  host: string
  now: Date
  alive: (pid: number) => boolean
}

/** Why `lock` may be taken over, or undefined while its holder still holds it. */
export function staleReason(lock: RunLock, here: Here): StaleReason | undefined {
  if (here.now.getTime() >= Date.parse(lock.expiresAt)) return 'expired'
  // A pull request's lock outlives the run that took it; only a run's lock dies with its process.
  if ((lock.kind ?? 'run') === 'run' && lock.owner.host === here.host && !here.alive(lock.owner.pid)) return 'holder-gone'
  return undefined
}

/** Whether two locks are the same acquisition (same holder, same time). */
export function sameLock(a: RunLock, b: RunLock): boolean {
  return (
    a.deployment === b.deployment &&
    a.acquiredAt === b.acquiredAt &&
    a.owner.runId === b.owner.runId &&
    a.owner.host === b.owner.host &&
    a.owner.pid === b.owner.pid
  )
}

/** `run R (pid 42 on ci-7, GitHub run 99, acme/infra#12)`: the holder, for messages. */
export function describeOwner(owner: LockOwner): string {
  const details = [`pid ${owner.pid} on ${owner.host}`]
  if (owner.githubRunId) details.push(`GitHub run ${owner.githubRunId}`)
  if (owner.repository || owner.pullRequest !== undefined) details.push(`${owner.repository ?? ''}${owner.pullRequest !== undefined ? `#${owner.pullRequest}` : ''}`)
  return `run ${owner.runId} (${details.join(', ')})`
}

/** The holder and its times, for the failure of a deployment that waited in vain. */
export function describeLock(lock: RunLock): string {
  return `${describeOwner(lock.owner)} since ${lock.acquiredAt}, expires ${lock.expiresAt}`
}

/** A deployment's run lock as its result records it (summary.json: `lock`). */
export interface RunLockRecord {
  key: string
  acquiredAt: string
  expiresAt: string
  waitedMs: number
  /** The stale lock this run replaced (absent for an unreadable one), and why it was stale. */
  takenOverFrom?: { owner?: LockOwner; acquiredAt?: string; expiresAt?: string; reason: StaleReason; key?: string }
  /** The pull request whose lock refused this deployment (for the PR comment). */
  heldBy?: LockOwner & { since: string; expiresAt: string }
  /** The pull request's lock this deployment took, renewed or released (pr-locks/{id}.json). */
  pullRequestLock?: { key: string; acquiredAt: string; expiresAt: string; renewed?: boolean; released?: boolean }
  /** Set when the lock was let go at the end of the deployment. */
  released?: boolean
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 }

/** `90s`, `5m`, `2h` (the configuration's duration form, as `lock_timeout` takes it) in milliseconds. */
export function durationMs(text: string): number {
  const m = /^(\d+)(s|m|h)$/.exec(text.trim())
  if (!m) throw new Error(`${JSON.stringify(text)} is not a duration such as 90s, 5m or 2h`)
  return Number(m[1]) * (UNIT_MS[m[2] as string] as number)
}
