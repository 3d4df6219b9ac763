import type { SelectedDeployment } from './deployment.js'
import type { DeploymentResult, RunTotals } from './run-result.js'

/** A run's totals. For apply, what was applied (a failed apply: what it really changed); for plan, what would be. */
export function totalsOf(results: readonly DeploymentResult[], command: 'plan' | 'apply'): RunTotals {
  const count = (status: DeploymentResult['status']): number => results.filter((r) => r.status === status).length
  const totals: RunTotals = {
    deployments: results.length,
    succeeded: count('succeeded'),
    failed: count('failed'),
    blocked: count('blocked'),
    timedOut: count('timed-out'),
    cancelled: count('cancelled'),
    skipped: count('skipped'),
    created: 0,
    changed: 0,
    destroyed: 0,
    replaced: 0
  }
  for (const r of results) {
    if (command === 'apply' && !r.applied && r.applyChanges) {
      addReallyChanged(totals, r)
      continue
    }
    if (!r.counts || (command === 'apply' && !r.applied)) continue
    totals.created += r.counts.create
    totals.changed += r.counts.update
    totals.destroyed += r.counts.delete
    totals.replaced += r.counts.replace
  }
  return totals
}

/**
 * A failed apply counts what it really changed (state before and after), not
 * what it planned, plus what undoing it did (reapply-previous).
 */
function addReallyChanged(totals: RunTotals, r: DeploymentResult): void {
  const c = r.applyChanges as NonNullable<DeploymentResult['applyChanges']>
  totals.created += c.added.length
  totals.changed += c.changed.length
  totals.destroyed += c.removed.length
  const undo = r.recovery?.outcome === 'reapplied' ? r.recovery.counts : undefined
  if (!undo) return
  totals.created += undo.create
  totals.changed += undo.update
  totals.destroyed += undo.delete
  totals.replaced += undo.replace
}

/** The result of a deployment that never started: a dependency failed (`because`), or the run was cancelled. */
export function notStartedResult(d: SelectedDeployment, because: string | undefined, cancelled: boolean): DeploymentResult {
  return {
    id: d.id,
    name: d.name,
    services: d.services,
    stateKey: d.stateKey,
    reasons: d.reasons,
    status: cancelled && because === undefined ? 'cancelled' : 'skipped',
    phases: {},
    attempts: 0,
    retries: [],
    durationMs: 0,
    skippedBecause: because,
    error: because === undefined ? 'not started: the run was cancelled' : `dependency ${because} did not succeed`
  }
}
