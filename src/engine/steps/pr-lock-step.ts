import { appendFile } from 'node:fs/promises'
import { PrLockHeld, readPrLock, releasePrLock, takePrLock } from '../../locks/io/pr-lock-store.js'
import { DEFAULT_PR_LOCK_TTL_MS, describePrHolder, heldByOf, isPullRequest, prLockKey, refusal } from '../../locks/pr-lock.js'
import type { RunLock, RunLockRecord } from '../../locks/run-lock.js'
import type { RunSettings } from '../run-settings.js'
import type { Step, StepContext } from '../step.js'
import { runOwner } from './run-lock-step.js'

// `prLockTtlMs` (RunSettings, optional): how long a pull request's lock lasts without a new plan.
const ttlMs = (s: RunSettings): number => s.prLockTtlMs ?? DEFAULT_PR_LOCK_TTL_MS

// The holder's own lock, seen by its apply: released in cleanup once the apply succeeded.
const applying = new WeakMap<StepContext, RunLock>()

const log = (ctx: StepContext, text: string): Promise<void> => appendFile(ctx.paths.logFile, `\n=== pr-lock ===\n${text}\n`).catch(() => undefined)

/** Adds to the deployment's lock record (the run lock step made it; without one, the pull request's lock is the record). */
function record(ctx: StepContext, lock: RunLock, patch: Partial<RunLockRecord>): void {
  ctx.result.lock ??= { key: prLockKey(lock.deployment), acquiredAt: lock.acquiredAt, expiresAt: lock.expiresAt, waitedMs: 0 }
  Object.assign(ctx.result.lock, patch)
}

const lockRecord = (lock: RunLock, extra: { renewed?: boolean; released?: boolean } = {}): RunLockRecord['pullRequestLock'] => ({
  key: prLockKey(lock.deployment),
  acquiredAt: lock.acquiredAt,
  expiresAt: lock.expiresAt,
  ...extra
})

/** A plan for a pull request: take, renew or let go of the deployment's lock; told who holds it otherwise. */
async function planForPullRequest(ctx: StepContext, review: NonNullable<RunSettings['review']>) {
  const objects = ctx.store.objects!
  const { id, stateKey } = ctx.deployment
  if (ctx.result.hasChanges !== true) {
    // No changes any more: the pull request no longer claims this deployment.
    const mine = await readPrLock(objects, id)
    if (mine && isPullRequest(mine.owner, review) && (await releasePrLock(objects, mine))) {
      record(ctx, mine, { pullRequestLock: lockRecord(mine, { released: true }) })
      await log(ctx, `no changes: released the lock of ${describePrHolder(mine)}`)
    }
    return
  }
  const owner = { ...runOwner(ctx.settings), repository: review.repository, pullRequest: review.pullRequest, headSha: review.headSha }
  try {
    const got = await takePrLock(objects, { deployment: id, stateKey, owner, ttlMs: ttlMs(ctx.settings) })
    record(ctx, got.lock, { pullRequestLock: lockRecord(got.lock, got.renewed ? { renewed: true } : {}) })
    const from = got.takenOver?.from
    if (got.takenOver) {
      const why = got.takenOver.reason
      record(ctx, got.lock, { takenOverFrom: { key: prLockKey(id), reason: why, ...(from ? { owner: from.owner, acquiredAt: from.acquiredAt, expiresAt: from.expiresAt } : {}) } })
    }
    await log(ctx, `${got.renewed ? 'renewed' : 'took'} ${prLockKey(id)} until ${got.lock.expiresAt}${from ? `, taken over from ${describePrHolder(from)} (${got.takenOver?.reason})` : ''}`)
  } catch (error) {
    if (!(error instanceof PrLockHeld)) throw error
    record(ctx, error.holder, { heldBy: heldByOf(error.holder) })
    return { stop: 'blocked' as const, reason: refusal(error.holder, 'plan', true) }
  }
  return undefined
}

/**
 * A pull request's lock on a deployment, from its plan (`plan --review`) to
 * its apply on merge, beside the per-run lock (run-lock-step.ts) which is held
 * meanwhile. After the policy gate, so only a plan that could be applied
 * claims the deployment. A plan with changes takes or renews it; another
 * pull request's lock blocks the deployment naming it; an expired one is
 * taken over (`lock.takenOverFrom`, audited). An apply with changes is
 * refused while another pull request holds the lock; the holder's own
 * `apply --review` goes on and releases it after it succeeded.
 */
export const prLockStep: Step = {
  phase: 'pr-lock',
  when: (ctx) => ctx.store.objects !== undefined && (ctx.settings.review?.mode === 'store' || ctx.settings.command === 'apply'),
  async run(ctx) {
    const review = ctx.settings.review
    if (review?.mode === 'store') return planForPullRequest(ctx, review)
    if (ctx.result.hasChanges !== true) return // nothing to apply, nothing to refuse or release
    let holder
    try {
      holder = await readPrLock(ctx.store.objects!, ctx.deployment.id)
    } catch (error) {
      // Not knowing whether a pull request holds the deployment is a refusal, never an apply over it.
      return { stop: 'blocked', reason: `cannot read the pull-request lock of ${ctx.deployment.id} in ${ctx.store.objects!.location}, apply not run: ${error instanceof Error ? error.message : String(error)}` }
    }
    if (!holder || Date.now() >= Date.parse(holder.expiresAt)) return
    if (review && isPullRequest(holder.owner, review)) {
      applying.set(ctx, holder)
      record(ctx, holder, { pullRequestLock: lockRecord(holder) })
      return
    }
    record(ctx, holder, { heldBy: heldByOf(holder) })
    return { stop: 'blocked', reason: refusal(holder, 'apply', review !== undefined) }
  },
  async cleanup(ctx) {
    const lock = applying.get(ctx)
    applying.delete(ctx)
    if (!lock || ctx.result.status !== 'succeeded' || !ctx.store.objects) return
    const released = await releasePrLock(ctx.store.objects, lock).catch(() => false)
    record(ctx, lock, { pullRequestLock: lockRecord(lock, { released }) })
    await log(ctx, released ? `applied: released the lock of ${describePrHolder(lock)}` : `${prLockKey(lock.deployment)} was not released (changed meanwhile)`)
  }
}
