import type { FleetReport } from './fleet-report.js'

/** `95.6%`, or `-` when there is nothing to divide. */
const percent = (rate: number | null): string => (rate === null ? '-' : `${(rate * 100).toFixed(1)}%`)

/** `850ms`, `14.2s`, `12.5 min`, `3.2 h`: short durations for tables. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-'
  if (ms < 1000) return `${Math.round(ms)}ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`
  return `${(ms / 3_600_000).toFixed(1)} h`
}

const table = (head: string[], rows: string[][]): string[] => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`)
]

/** The report as Markdown: success rates, MTTR, most failing, phase percentiles, slowest. */
export function renderReportMarkdown(r: FleetReport): string {
  const lines: string[] = [`## Fleet report (last ${r.since}, ${r.from} to ${r.generatedAt})`, '']
  lines.push(
    ...table(
      ['Period', 'Total', 'Succeeded', 'Failed', 'Blocked', 'Timed out', 'Cancelled', 'Skipped', 'Success rate', 'Created', 'Changed', 'Destroyed'],
      r.windows.map((w) => [`Last ${w.window}`, ...[w.deployments, w.succeeded, w.failed, w.blocked, w.timedOut, w.cancelled, w.skipped].map(String), percent(w.successRate), ...[w.created, w.changed, w.destroyed].map(String)])
    ),
    ''
  )
  lines.push(`### Mean time to recovery: ${formatDuration(r.mttr.meanMs)} (${r.mttr.recoveries.length} recoveries, ${r.mttr.unrecovered.length} not recovered)`, '')
  if (r.mttr.unrecovered.length > 0) {
    lines.push(...table(['Not recovered', 'Failing since', 'Failed runs', 'Last error'], r.mttr.unrecovered.map((u) => [u.deploymentId, u.failedAt, String(u.failures), u.lastError ?? ''])), '')
  }
  lines.push('### Most failing deployments', '')
  lines.push(...(r.mostFailing.length === 0 ? ['No failures.'] : table(['Deployment', 'Failures', 'Runs', 'Last failure', 'Last error'], r.mostFailing.map((f) => [f.deploymentId, String(f.failures), String(f.runs), f.lastFailedAt, f.lastError ?? '']))), '')
  lines.push('### Phase durations (nearest rank)', '')
  lines.push(...(r.phases.length === 0 ? ['No runs.'] : table(['Phase', 'Runs', 'p50', 'p95'], r.phases.map((p) => [p.phase, String(p.samples), formatDuration(p.p50Ms), formatDuration(p.p95Ms)]))), '')
  lines.push('### Slowest deployments (mean duration)', '')
  lines.push(...(r.slowest.length === 0 ? ['No runs.'] : table(['Deployment', 'Runs', 'Mean', 'Max'], r.slowest.map((s) => [s.deploymentId, String(s.runs), formatDuration(s.meanMs), formatDuration(s.maxMs)]))))
  return `${lines.join('\n')}\n`
}

/** The report as JSON (every figure in milliseconds and fractions, unrounded). */
export function renderReportJson(r: FleetReport): string {
  return `${JSON.stringify(r, null, 2)}\n`
}
