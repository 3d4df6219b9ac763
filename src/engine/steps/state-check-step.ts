import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { erroredStateFile } from '../../recovery/io/errored-state.js'
import { checkStateAfterKill } from '../../locks/io/state-repair.js'
import { isEmptyState, stateProblem } from '../../locks/state-health.js'
import type { DeploymentResult } from '../../model/run-result.js'
import type { Step } from '../step.js'

/** Whether the apply was ended from outside (timeout, cancellation, a signal) rather than failing on its own. */
export function killedDuringApply(r: DeploymentResult): boolean {
  const apply = r.phases.apply
  if (!apply) return false
  return r.status === 'timed-out' || r.status === 'cancelled' || (r.status === 'failed' && apply.exitCode === null)
}

/**
 * Guards the state around a kill. Before anything runs (right after the run
 * lock): refuse a state that is corrupt, or empty although it has backups,
 * since OpenTofu would read an empty file as "no resources" and create them all again. After a
 * deployment killed during apply: check the state is readable, put the verified
 * backup back if it is not, remove the backend lock the killed process left,
 * and record what the log says was created since the backup.
 */
export const stateCheckStep: Step = {
  phase: 'state-check',
  when: (ctx) => ctx.store.objects !== undefined,
  async run(ctx) {
    const { stateKey } = ctx.deployment
    const objects = ctx.store.objects!
    // State a failed save left behind is pushed back by the errored-state step (after init); the stored state is expected to be stale then.
    if (existsSync(erroredStateFile(ctx.paths.dataDir))) return
    const bytes = await objects.get(stateKey)
    const problem = bytes === undefined ? undefined : stateProblem(bytes)
    if (!problem) return
    // Empty with no backup: a first apply killed before it wrote anything; OpenTofu reads it as new.
    if (isEmptyState(bytes) && (await objects.list(`backups/${stateKey}.`)).length === 0) return
    return {
      stop: 'failed',
      reason:
        `the state ${ctx.store.describe(stateKey)} is unusable: ${problem}. A killed run may have left it so; ` +
        `put back its newest backup (backups/${stateKey}.<time>.backup) and import what was created since`
    }
  },
  async cleanup(ctx) {
    const r = ctx.result
    if (!killedDuringApply(r)) return
    const log = await readFile(ctx.paths.logFile, 'utf8').catch(() => '')
    const since = new Date(r.phases.apply?.startedAt ?? r.startedAt ?? 0)
    r.stateCheck = await checkStateAfterKill(ctx.store, r.stateKey, {
      log,
      since,
      ...(r.backup?.status === 'backed-up' ? { backup: { key: r.backup.key, sha256: r.backup.sha256 } } : {})
    })
  }
}
