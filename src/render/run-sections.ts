import type { RunSummary } from '../model/run-result.js'
import { formatCounts } from '../terraform/plan-summary.js'
import { cell, codeSpan, duration } from './markdown.js'

/** `**Planned: +3 ~1 -0** · 19 deployments · 2 failed · 1 blocked · 42.0s` */
export function headline(summary: RunSummary): string {
  const t = summary.totals
  const verb = summary.command === 'apply' ? 'Applied' : 'Planned'
  const counts = formatCounts({ create: t.created, update: t.changed, delete: t.destroyed, replace: t.replaced })
  const parts = [`**${verb}${summary.destroy ? ' (destroy)' : ''}: ${counts}**`, `${t.deployments} deployment${t.deployments === 1 ? '' : 's'}`]
  // failed and blocked always show, so a 0 there is a visible all-clear.
  parts.push(`${t.failed} failed`, `${t.blocked} blocked`)
  const others: [number, string][] = [
    [t.timedOut, 'timed out'],
    [t.skipped, 'skipped'],
    [t.cancelled, 'cancelled']
  ]
  for (const [n, what] of others) if (n > 0) parts.push(`${n} ${what}`)
  parts.push(duration(summary.durationMs))
  return parts.join(' · ')
}

/** The execution levels as a numbered list of ids, or as counts only. */
export function levelsList(summary: RunSummary, idsToo: boolean): string {
  const levels = summary.executionLevels
  if (levels.length === 0) return '_No deployments selected._'
  if (!idsToo) return levels.map((level, i) => `Level ${i + 1}: ${level.length}`).join(' · ')
  return levels.map((level, i) => `${i + 1}. ${level.map(codeSpan).join(', ')}`).join('\n')
}

/** Policy findings worth a line of their own: warnings, waivers used, expired waivers. */
export function policyNotes(summary: RunSummary): string[] {
  const notes: string[] = []
  for (const r of summary.deployments) {
    const v = r.policy
    if (!v) continue
    const where = codeSpan(r.id)
    for (const e of v.errors) notes.push(`⛔ ${where}: policy evaluation failed: ${cell(e)}`)
    for (const d of v.denies) notes.push(`⛔ ${where}: ${codeSpan(d.id ?? 'deny')} ${cell(d.msg)}${d.resource ? ` (${codeSpan(d.resource)})` : ''}`)
    for (const w of v.warnings) notes.push(`⚠️ ${where}: ${codeSpan(w.id ?? 'warn')} ${cell(w.msg)}${w.resource ? ` (${codeSpan(w.resource)})` : ''}`)
    for (const { finding, waiver } of v.waived) {
      notes.push(`🟡 ${where}: ${codeSpan(finding.id ?? waiver.rule)} waived until ${waiver.expires}: ${cell(waiver.reason)}`)
    }
    for (const w of v.expiredWaivers) notes.push(`⌛ ${where}: waiver for ${codeSpan(w.rule)} expired ${w.expires} and no longer applies`)
  }
  return notes
}

/** A bullet list capped at `max` lines, saying how many more there are and where. */
export function cappedList(lines: readonly string[], max: number, elsewhere: string): string {
  const shown = lines.slice(0, max).map((l) => `- ${l}`)
  const more = lines.length - max
  if (more > 0) shown.push(`- _${more} more ${elsewhere}_`)
  return shown.join('\n')
}
