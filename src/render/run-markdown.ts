import type { DeploymentResult, RunSummary } from '../model/run-result.js'
import { formatCounts } from '../terraform/plan-summary.js'

const ICON: Record<DeploymentResult['status'], string> = {
  succeeded: '✅',
  failed: '❌',
  blocked: '⛔',
  'timed-out': '⏱️',
  cancelled: '🛑',
  skipped: '⏭️'
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** A Markdown report of a run (job summary). The caller redacts what goes public. */
export function renderRunMarkdown(summary: RunSummary): string {
  const t = summary.totals
  const lines = [
    `### tf-orchestrator ${summary.command}${summary.destroy ? ' (destroy)' : ''}`,
    '',
    `${t.deployments} deployments: ${t.succeeded} succeeded, ${t.failed} failed, ${t.blocked} blocked, ${t.timedOut} timed out, ${t.skipped} skipped` +
      ` — +${t.created} ~${t.changed} -${t.destroyed} — ${(summary.durationMs / 1000).toFixed(1)}s, ${summary.workers} workers,` +
      ` ${summary.binary.name} ${summary.binary.version}`,
    '',
    '| | Deployment | Changes | Duration | Note |',
    '| --- | --- | --- | --- | --- |'
  ]
  for (const r of summary.deployments) {
    const changes = r.counts ? formatCounts(r.counts) + (r.applied ? ' (applied)' : '') : '-'
    lines.push(`| ${ICON[r.status]} | \`${r.id}\` | ${changes} | ${(r.durationMs / 1000).toFixed(1)}s | ${cell(r.error ?? (r.hasChanges === false ? 'no changes' : ''))} |`)
  }
  return lines.join('\n')
}
