import { hostName } from '../../locks/io/processes.js'
import { acquireRunLock, releaseRunLock, RunLockTimeout } from '../../locks/io/run-lock-store.js'
import { runLockKey, type LockOwner, type RunLock } from '../../locks/run-lock.js'
import type { RunSettings } from '../run-settings.js'
import { StepFailure, type Step, type StepContext } from '../step.js'

/** lock_timeout's default. */
export const DEFAULT_LOCK_TIMEOUT_MS = 5 * 60_000
// Longer than any deployment can hold it: its timeout, the grace after it, and a minute of slack.
const ttlMs = (s: RunSettings): number => s.timeoutMs + s.graceMs + 60_000

/** This run as a lock owner (the GitHub run and repository when in Actions). */
export function runOwner(settings: RunSettings): LockOwner {
  const { GITHUB_RUN_ID: githubRunId, GITHUB_REPOSITORY: repository } = settings.env
  return { runId: settings.runId, host: hostName(), pid: process.pid, ...(githubRunId ? { githubRunId } : {}), ...(repository ? { repository } : {}) }
}

// Steps are shared by every deployment of a run: each deployment's lock is kept by its context.
const held = new WeakMap<StepContext, RunLock>()

/**
 * The per-deployment run lock, first in the pipeline: from before init (the
 * shared data dir) through plan and apply. A second run waits for it up to
 * lock_timeout and then plans from the fresh state, or fails naming the holder.
 * A stale lock (holder gone from this host, or expired) is taken over and the
 * takeover recorded. Released in cleanup, after every later step's cleanup.
 */
export const runLockStep: Step = {
  phase: 'lock',
  when: (ctx) => ctx.store.objects !== undefined,
  async run(ctx) {
    const { deployment: d, settings } = ctx
    const objects = ctx.store.objects!
    try {
      const got = await acquireRunLock(objects, {
        deployment: d.id,
        stateKey: d.stateKey,
        owner: runOwner(settings),
        ttlMs: ttlMs(settings),
        timeoutMs: settings.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
        pollMs: settings.lockPollMs,
        signal: ctx.signal
      })
      held.set(ctx, got.lock)
      const from = got.takenOver?.from
      ctx.result.lock = {
        key: runLockKey(d.id),
        acquiredAt: got.lock.acquiredAt,
        expiresAt: got.lock.expiresAt,
        waitedMs: got.waitedMs,
        ...(got.takenOver
          ? { takenOverFrom: { reason: got.takenOver.reason, ...(from ? { owner: from.owner, acquiredAt: from.acquiredAt, expiresAt: from.expiresAt } : {}) } }
          : {})
      }
    } catch (error) {
      if (error instanceof RunLockTimeout) return { stop: 'failed', reason: error.message }
      if (ctx.signal.aborted) throw error
      throw new StepFailure(`cannot take the run lock ${runLockKey(d.id)} in ${objects.location}: ${(error as Error).message}`)
    }
  },
  async cleanup(ctx) {
    const lock = held.get(ctx)
    if (!lock || !ctx.store.objects) return
    held.delete(ctx)
    const released = await releaseRunLock(ctx.store.objects, lock).catch(() => false)
    if (ctx.result.lock) ctx.result.lock.released = released
  }
}
