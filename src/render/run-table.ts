import type { DeploymentResult, RunSummary } from '../model/run-result.js'
import { formatCounts } from '../terraform/plan-summary.js'
import { renderTable } from './table.js'

const secs = (ms: number | undefined): string => (ms === undefined ? '-' : `${(ms / 1000).toFixed(1)}s`)

function outcome(r: DeploymentResult): string {
  if (r.status !== 'succeeded') return r.status
  if (r.applied) return 'applied'
  return r.hasChanges ? 'changes' : 'no changes'
}

/** The final table of a run, then one line of totals. */
export function renderRunTable(summary: RunSummary): string {
  const rows = summary.deployments.map((r) => [
    r.id,
    outcome(r),
    r.counts ? formatCounts(r.counts) : '-',
    secs(r.phases.init?.durationMs),
    secs(r.phases.plan?.durationMs),
    secs(r.phases.apply?.durationMs),
    String(Object.values(r.phases).reduce((n, p) => n + (p?.attempts ?? 1) - 1, 0)),
    r.workerId === undefined || r.status === 'skipped' ? '-' : String(r.workerId),
    r.status === 'skipped' ? (r.skippedBecause ? `dependency ${r.skippedBecause} did not succeed` : (r.error ?? '')) : (r.error ?? '')
  ])
  const t = summary.totals
  const totals =
    `${t.deployments} deployments: ${t.succeeded} succeeded, ${t.failed} failed, ${t.blocked} blocked, ${t.timedOut} timed out, ` +
    `${t.skipped} skipped${t.cancelled ? `, ${t.cancelled} cancelled` : ''}; ` +
    `${summary.command === 'apply' ? '' : 'planned '}+${t.created} ~${t.changed} -${t.destroyed}${t.replaced ? ` ±${t.replaced}` : ''} ` +
    `in ${secs(summary.durationMs)} with ${summary.workers} worker${summary.workers === 1 ? '' : 's'}`
  return [renderTable(['DEPLOYMENT', 'RESULT', 'CHANGES', 'INIT', 'PLAN', 'APPLY', 'RETRIES', 'WORKER', 'NOTE'], rows), totals].join('\n')
}
