import type { DeploymentResult } from '../model/run-result.js'
import { cell, codeSpan, duration, markdownTable } from './markdown.js'
import { policyText, statusText } from './result-kind.js'

const HEADERS = ['Deployment', 'Status', '+', '~', '-', 'Policy', 'Duration', 'Why']

/** Why it ran, or why it did not (the dependency it was skipped for, or its error). */
function why(r: DeploymentResult): string {
  const reasons = r.reasons.map((x) => x.text).join('; ')
  // A multi-line error (a plan-changed diff) shows its first line here; the diff goes in the details.
  const note = r.status === 'skipped' && r.skippedBecause ? `skipped: ${r.skippedBecause} did not succeed` : r.error?.split('\n')[0]
  const changed = r.applyChanges ? 'counts: what the failed apply really changed' : undefined
  const recovery = r.recovery?.message?.split('\n')[0]
  return [reasons, note, changed, recovery].filter(Boolean).join(' — ')
}

/** One table row per deployment, cells escaped for Markdown. */
export function deploymentRow(r: DeploymentResult): string[] {
  const c = r.counts
  const count = (n: number | undefined): string => (n === undefined ? '-' : String(n))
  // A failed apply counts what it really changed (from the state before and after), not the plan.
  const real = r.applyChanges
  return [
    codeSpan(r.id),
    cell(statusText(r)),
    count(real ? real.added.length : c && c.create + c.replace),
    count(real ? real.changed.length : c?.update),
    count(real ? real.removed.length : c && c.delete + c.replace),
    cell(policyText(r.policy)),
    r.startedAt || r.durationMs > 0 ? duration(r.durationMs) : '-',
    cell(why(r))
  ]
}

/**
 * The per-deployment table the PR comment and the job summary share. Rows past
 * `maxRows` are left out and a line says how many; replacements count as + and -.
 */
export function deploymentTable(results: readonly DeploymentResult[], maxRows = Infinity): string {
  const shown = results.slice(0, maxRows)
  const table = markdownTable(HEADERS, shown.map(deploymentRow))
  const hidden = results.length - shown.length
  return hidden > 0 ? `${table}\n\n_${hidden} more deployment${hidden === 1 ? '' : 's'} not shown._` : table
}

/** Rows in the order reviewers should see them: problems first, then changes, then the rest. */
export function rowOrder(results: readonly DeploymentResult[]): DeploymentResult[] {
  const rank = (r: DeploymentResult): number => {
    if (r.status === 'failed' || r.status === 'timed-out' || r.status === 'blocked') return 0
    if (r.status === 'skipped' || r.status === 'cancelled') return 1
    if (r.applied || r.hasChanges) return 2
    return 3
  }
  return [...results].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id))
}
