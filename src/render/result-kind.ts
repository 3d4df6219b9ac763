import type { DeploymentResult } from '../model/run-result.js'
import type { PolicyVerdict } from '../policy/verdict.js'

/** What a deployment's outcome looks like to a reviewer (and which colour it gets). */
export type ResultKind = 'applied' | 'changes' | 'no-changes' | 'failed' | 'blocked' | 'skipped'

/** Timed out counts as failed and cancelled as skipped: same colour, same urgency. */
export function resultKind(r: DeploymentResult): ResultKind {
  switch (r.status) {
    case 'failed':
    case 'timed-out':
      return 'failed'
    case 'blocked':
      return 'blocked'
    case 'skipped':
    case 'cancelled':
      return 'skipped'
    case 'succeeded':
      if (r.applied) return 'applied'
      return r.hasChanges ? 'changes' : 'no-changes'
  }
}

/** Worst first: a group of deployments takes the colour of its worst member. */
export const KIND_ORDER: readonly ResultKind[] = ['failed', 'blocked', 'skipped', 'changes', 'applied', 'no-changes']

/** The worst kind among several (no-changes for none). */
export function worstKind(kinds: Iterable<ResultKind>): ResultKind {
  let worst = KIND_ORDER.length - 1
  for (const k of kinds) worst = Math.min(worst, KIND_ORDER.indexOf(k))
  return KIND_ORDER[worst] as ResultKind
}

/** Icon and words for the status column. */
export function statusText(r: DeploymentResult): string {
  if (r.status === 'timed-out') return '⏱️ timed out'
  if (r.status === 'cancelled') return '🛑 cancelled'
  const text: Record<ResultKind, string> = {
    applied: '✅ applied',
    changes: '📝 changes',
    'no-changes': '⚪ no changes',
    failed: '❌ failed',
    blocked: '⛔ blocked',
    skipped: '⏭️ skipped'
  }
  return text[resultKind(r)]
}

const ruleIds = (ids: readonly (string | undefined)[]): string => [...new Set(ids.map((id) => id ?? 'unnamed rule'))].join(', ')

/** The policy column: verdict with the rule ids behind it, `-` when no policy ran. */
export function policyText(v: PolicyVerdict | undefined): string {
  if (!v) return '-'
  const parts: string[] = []
  if (v.errors.length) parts.push('⛔ evaluation error')
  if (v.denies.length) parts.push(`${v.mode === 'enforce' ? '⛔ deny' : '⚠️ would deny'}: ${ruleIds(v.denies.map((d) => d.id))}`)
  if (v.warnings.length) parts.push(`⚠️ warn: ${ruleIds(v.warnings.map((w) => w.id))}`)
  if (v.waived.length) parts.push(`🟡 waived: ${ruleIds(v.waived.map((w) => w.finding.id))}`)
  if (v.expiredWaivers.length) parts.push(`expired waiver: ${ruleIds(v.expiredWaivers.map((w) => w.rule))}`)
  return parts.length ? parts.join('; ') : v.mode === 'off' ? 'off' : '✅ pass'
}
