import type { Phase } from '../model/run-result.js'
import type { IndexEntry } from './history-index.js'
import { formatWindow, reportWindows } from './report-window.js'
import { isFailure, mean, nearestRank, recoveries, type Recovery, type Unrecovered } from './report-stats.js'

/** Totals of one window, with the same counting as summary.json's totals. */
export interface WindowTotals {
  window: string
  ms: number
  deployments: number
  succeeded: number
  failed: number
  blocked: number
  timedOut: number
  cancelled: number
  skipped: number
  /** succeeded / deployments (every status counts); null when there were none. */
  successRate: number | null
  /** Resources created / changed / destroyed / replaced: applied ones for apply runs, planned ones for plan runs. */
  created: number
  changed: number
  destroyed: number
  replaced: number
}

export interface FailingDeployment { deploymentId: string; failures: number; runs: number; lastFailedAt: string; lastError?: string }
export interface PhaseStats { phase: Phase | 'total'; samples: number; p50Ms: number; p95Ms: number }
export interface SlowDeployment { deploymentId: string; runs: number; meanMs: number; maxMs: number }

export interface FleetReport {
  generatedAt: string
  since: string
  from: string
  windows: WindowTotals[]
  mttr: { meanMs: number | null; recoveries: Recovery[]; unrecovered: Unrecovered[] }
  mostFailing: FailingDeployment[]
  phases: PhaseStats[]
  slowest: SlowDeployment[]
}

const PHASES: readonly Phase[] = ['init', 'plan', 'show', 'policy', 'apply']
/** How many rows the ranked lists keep. */
export const TOP = 10

const within = (entries: readonly IndexEntry[], now: Date, ms: number): IndexEntry[] =>
  entries.filter((e) => {
    const t = Date.parse(e.finishedAt)
    return t > now.getTime() - ms && t <= now.getTime()
  })

/** Totals of a set of entries, counted like summary.json (see RunTotals). */
export function totalsOf(entries: readonly IndexEntry[]): Omit<WindowTotals, 'window' | 'ms'> {
  const count = (s: IndexEntry['status']): number => entries.filter((e) => e.status === s).length
  const t = { deployments: entries.length, succeeded: count('succeeded'), failed: count('failed'), blocked: count('blocked'), timedOut: count('timed-out'), cancelled: count('cancelled'), skipped: count('skipped'), successRate: null as number | null, created: 0, changed: 0, destroyed: 0, replaced: 0 }
  t.successRate = t.deployments === 0 ? null : t.succeeded / t.deployments
  for (const e of entries) {
    if (!e.counts || (e.command === 'apply' && !e.applied)) continue
    t.created += e.counts.create
    t.changed += e.counts.update
    t.destroyed += e.counts.delete
    t.replaced += e.counts.replace
  }
  return t
}

/** Whether the deployment ran at all (skipped ones and ones cancelled before starting did not). */
const ran = (e: IndexEntry): boolean => e.status !== 'skipped' && Object.keys(e.phases).length > 0

/**
 * The fleet report over the entries that finished in (now - sinceMs, now] (pure).
 * Windows: see reportWindows. MTTR: see recoveries. Most failing: failed, blocked
 * or timed-out runs per deployment, most first. Percentiles: nearest rank over
 * every run of a phase ('total' = whole deployment). Slowest: by mean duration of
 * the runs that ran, ties by max, then id.
 */
export function computeFleetReport(all: readonly IndexEntry[], now: Date, sinceMs: number): FleetReport {
  const entries = within(all, now, sinceMs)
  const windows = reportWindows(sinceMs).map((ms) => ({ window: formatWindow(ms), ms, ...totalsOf(within(entries, now, ms)) }))
  const { recoveries: recovered, unrecovered } = recoveries(entries)

  const perDeployment = new Map<string, IndexEntry[]>()
  for (const e of entries) {
    const list = perDeployment.get(e.deploymentId)
    if (list) list.push(e)
    else perDeployment.set(e.deploymentId, [e])
  }
  const mostFailing: FailingDeployment[] = []
  const slowest: SlowDeployment[] = []
  for (const [id, list] of perDeployment) {
    const failures = list.filter(isFailure).sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt))
    const last = failures.at(-1)
    if (last) mostFailing.push(JSON.parse(JSON.stringify({ deploymentId: id, failures: failures.length, runs: list.length, lastFailedAt: last.finishedAt, lastError: last.error })) as FailingDeployment)
    const durations = list.filter(ran).map((e) => e.durationMs)
    if (durations.length > 0) slowest.push({ deploymentId: id, runs: durations.length, meanMs: mean(durations) ?? 0, maxMs: durations.reduce((a, b) => Math.max(a, b), 0) })
  }
  mostFailing.sort((a, b) => b.failures - a.failures || b.lastFailedAt.localeCompare(a.lastFailedAt) || a.deploymentId.localeCompare(b.deploymentId))
  slowest.sort((a, b) => b.meanMs - a.meanMs || b.maxMs - a.maxMs || a.deploymentId.localeCompare(b.deploymentId))

  const phases: PhaseStats[] = []
  const stat = (phase: PhaseStats['phase'], values: number[]): void => {
    const sorted = values.sort((a, b) => a - b)
    const p50 = nearestRank(sorted, 50)
    const p95 = nearestRank(sorted, 95)
    if (p50 !== undefined && p95 !== undefined) phases.push({ phase, samples: sorted.length, p50Ms: p50, p95Ms: p95 })
  }
  for (const phase of PHASES) stat(phase, entries.flatMap((e) => (e.phases[phase] === undefined ? [] : [e.phases[phase]])))
  stat('total', entries.filter(ran).map((e) => e.durationMs))

  return {
    generatedAt: now.toISOString(),
    since: formatWindow(sinceMs),
    from: new Date(now.getTime() - sinceMs).toISOString(),
    windows,
    mttr: { meanMs: mean(recovered.map((r) => r.durationMs)) ?? null, recoveries: recovered, unrecovered },
    mostFailing: mostFailing.slice(0, TOP),
    phases,
    slowest: slowest.slice(0, TOP)
  }
}
