import type { LockOwner, RunLock } from './run-lock.js'

/**
 * A pull request's lock lives beside the run locks, not at their key: a run
 * lock lasts one run and is waited for, a pull request's lock lasts from its
 * plan to its apply (days) and is never worth waiting for. Its own prefix also
 * keeps it out of what the clean-up after a dead run releases.
 */
export const PR_LOCK_PREFIX = 'pr-locks/'

/** Seven days: a pull request left open longer has to plan again to keep its lock. */
export const DEFAULT_PR_LOCK_TTL_MS = 7 * 24 * 3_600_000

/** `pr-locks/{deployment id}.json` */
export function prLockKey(deploymentId: string): string {
  return `${PR_LOCK_PREFIX}${deploymentId}.json`
}

/** The deployment id of a pull request's lock key, or undefined for any other key. */
export function deploymentOfPrLockKey(key: string): string | undefined {
  return key.startsWith(PR_LOCK_PREFIX) && key.endsWith('.json') ? key.slice(PR_LOCK_PREFIX.length, -'.json'.length) || undefined : undefined
}

/** The pull request a lock owner plans or applies for. */
export interface PullRequestRef {
  repository: string
  pullRequest: number
}

/** Whether the lock owner is that pull request (repository names compare case-insensitively, as GitHub's do). */
export function isPullRequest(owner: LockOwner, pr: PullRequestRef): boolean {
  return owner.pullRequest === pr.pullRequest && owner.repository !== undefined && owner.repository.toLowerCase() === pr.repository.toLowerCase()
}

/** `acme/infra#12`, or the run for a lock without a pull request. */
export function pullRequestName(owner: LockOwner): string {
  return owner.pullRequest !== undefined ? `${owner.repository ?? ''}#${owner.pullRequest}` : `run ${owner.runId}`
}

/** `acme/infra#12 (run R, GitHub run 99, since T, expires E)`: who holds a pull request's lock. */
export function describePrHolder(lock: RunLock): string {
  const run = [`run ${lock.owner.runId}`, ...(lock.owner.githubRunId ? [`GitHub run ${lock.owner.githubRunId}`] : [])]
  return `${pullRequestName(lock.owner)} (${run.join(', ')}, since ${lock.acquiredAt}, expires ${lock.expiresAt})`
}

/** Why a deployment of this run may not go on while `holder` holds its pull-request lock. */
export function refusal(holder: RunLock, command: 'plan' | 'apply', reviewed: boolean): string {
  const what = command === 'plan' ? 'cannot plan changes for another pull request' : reviewed ? 'cannot apply another pull request\'s plan' : 'a plain apply is refused'
  return `locked by ${describePrHolder(holder)}: ${holder.deployment} ${what} until that pull request is merged or closed, or the lock expires (\`locks release --pull-request ${pullRequestName(holder.owner)} --yes\`)`
}

/** The holder as the deployment's result records it (`lock.heldBy`). */
export function heldByOf(holder: RunLock): LockOwner & { since: string; expiresAt: string } {
  return { ...holder.owner, since: holder.acquiredAt, expiresAt: holder.expiresAt }
}

/** `acme/infra#12` into its parts; throws on anything else. */
export function parsePullRequestRef(text: string): PullRequestRef {
  const m = /^([^/#\s]+\/[^/#\s]+)#(\d+)$/.exec(text.trim())
  if (!m || Number(m[2]) < 1) throw new Error(`pull request ${JSON.stringify(text)} must be owner/repo#<number>`)
  return { repository: m[1] as string, pullRequest: Number(m[2]) }
}
