import { computeFleetReport } from '../../src/audit/fleet-report.js'
import type { IndexEntry } from '../../src/audit/history-index.js'
import { renderReportJson, renderReportMarkdown } from '../../src/audit/render-report.js'
import { nearestRank } from '../../src/audit/report-stats.js'
import type { Phase } from '../../src/model/run-result.js'
import type { PlanCounts } from '../../src/terraform/plan-summary.js'

const now = new Date('2026-11-30T12:00:00Z')
const HOUR = 3_600_000
const DAY = 24 * HOUR
const A = 's3/acct-a/us-east-1/pay'
const B = 'kms/acct-a/us-east-1/keys'
const C = 's3/acct-b/eu-west-1/logs'
const D = 'combined/acct-b/eu-west-1/core'

/** An entry finished `hoursAgo` before now; phases in seconds; its duration is their sum. */
function entry(id: string, hoursAgo: number, status: IndexEntry['status'], phases: Partial<Record<Phase, number>>, extra: { command?: 'plan' | 'apply'; counts?: PlanCounts; applied?: boolean; error?: string } = {}): IndexEntry {
  const ms = Object.fromEntries(Object.entries(phases).map(([p, s]) => [p, Math.round((s ?? 0) * 1000)]))
  const [, account = '', , project = ''] = id.split('/')
  return {
    schemaVersion: 1,
    runId: `run-${hoursAgo}`,
    command: extra.command ?? 'apply',
    destroy: false,
    deploymentId: id,
    account,
    project,
    services: [id.split('/')[0] ?? ''],
    status,
    finishedAt: new Date(now.getTime() - hoursAgo * HOUR).toISOString(),
    durationMs: Object.values(ms).reduce((a, b) => a + b, 0),
    phases: ms,
    counts: extra.counts,
    applied: extra.applied,
    error: extra.error ?? (status === 'succeeded' ? undefined : `${id} ${status} ${hoursAgo}h ago`),
    recordKey: `audit-logs/x/${hoursAgo}.json`
  }
}

// Four deployments over 33 days with known failures and recoveries (hours before now).
const history: IndexEntry[] = [
  entry(A, 600, 'failed', { init: 5, plan: 30 }),
  entry(A, 599, 'succeeded', { init: 6, plan: 40, show: 2, apply: 100 }, { counts: { create: 2, update: 1, delete: 0, replace: 0 }, applied: true }),
  entry(A, 100, 'failed', { init: 7, plan: 50 }),
  entry(A, 98, 'failed', { init: 8, plan: 60 }),
  entry(A, 96, 'succeeded', { init: 9, plan: 70, show: 3, policy: 0.3 }, { counts: { create: 0, update: 0, delete: 0, replace: 0 }, applied: false }),
  entry(A, 2, 'succeeded', { init: 10, plan: 80, show: 4, policy: 0.2, apply: 200 }, { counts: { create: 1, update: 0, delete: 1, replace: 0 }, applied: true }),
  entry(B, 200, 'blocked', { init: 11, plan: 20, show: 1, policy: 0.5 }, { counts: { create: 5, update: 0, delete: 0, replace: 0 } }),
  entry(B, 199.5, 'succeeded', { init: 12, plan: 25, show: 2, policy: 0.4 }),
  entry(B, 10, 'timed-out', { init: 13, plan: 1000 }),
  entry(B, 5, 'skipped', {}),
  entry(C, 800, 'failed', { init: 1 }),
  entry(C, 700, 'succeeded', { init: 14, plan: 35, show: 5 }),
  entry(C, 20, 'succeeded', { init: 15, plan: 45, show: 6 }, { command: 'plan', counts: { create: 3, update: 0, delete: 0, replace: 1 } }),
  entry(C, 1, 'cancelled', {}),
  entry(D, 30, 'failed', { init: 16 }),
  entry(D, 3, 'failed', { init: 17 })
]
const ago = (hours: number): string => new Date(now.getTime() - hours * HOUR).toISOString()
const s = (seconds: number): number => Math.round(seconds * 1000)

describe('fleet report over a synthetic history', () => {
  const report = computeFleetReport(history, now, 30 * DAY)

  it('counts totals and success rates per window (hand-counted)', () => {
    const zero = { cancelled: 1, skipped: 1, blocked: 0 }
    expect(report.windows).toEqual([
      { window: '24h', ms: DAY, deployments: 6, succeeded: 2, failed: 1, timedOut: 1, ...zero, successRate: 2 / 6, created: 4, changed: 0, destroyed: 1, replaced: 1 },
      { window: '7d', ms: 7 * DAY, deployments: 10, succeeded: 3, failed: 4, timedOut: 1, ...zero, successRate: 0.3, created: 4, changed: 0, destroyed: 1, replaced: 1 },
      { window: '30d', ms: 30 * DAY, deployments: 15, succeeded: 6, failed: 5, timedOut: 1, ...zero, blocked: 1, successRate: 0.4, created: 6, changed: 1, destroyed: 1, replaced: 1 }
    ])
  })

  it('computes MTTR from the first failure of a streak to the next success', () => {
    // A: 600h -> 599h (60 min) and 100h -> 96h (240 min); B: 200h -> 199.5h (30 min). C's 800h failure is outside 30d.
    expect(report.mttr.recoveries).toEqual([
      { deploymentId: B, failedAt: ago(200), recoveredAt: ago(199.5), durationMs: 30 * 60_000, failures: 1 },
      { deploymentId: A, failedAt: ago(600), recoveredAt: ago(599), durationMs: 60 * 60_000, failures: 1 },
      { deploymentId: A, failedAt: ago(100), recoveredAt: ago(96), durationMs: 240 * 60_000, failures: 2 }
    ])
    expect(report.mttr.meanMs).toBe(110 * 60_000)
    expect(report.mttr.unrecovered).toEqual([
      { deploymentId: D, failedAt: ago(30), failures: 2, lastError: `${D} failed 3h ago` },
      { deploymentId: B, failedAt: ago(10), failures: 1, lastError: `${B} timed-out 10h ago` }
    ])
  })

  it('ranks the most failing deployments, ties by the latest failure', () => {
    expect(report.mostFailing.map((f) => [f.deploymentId, f.failures, f.runs, f.lastFailedAt])).toEqual([
      [A, 3, 6, ago(98)],
      [D, 2, 2, ago(3)],
      [B, 2, 4, ago(10)]
    ])
  })

  it('gives nearest-rank p50 / p95 per phase', () => {
    expect(report.phases).toEqual([
      { phase: 'init', samples: 13, p50Ms: s(11), p95Ms: s(17) },
      { phase: 'plan', samples: 11, p50Ms: s(45), p95Ms: s(1000) },
      { phase: 'show', samples: 7, p50Ms: s(3), p95Ms: s(6) },
      { phase: 'policy', samples: 4, p50Ms: s(0.3), p95Ms: s(0.5) },
      { phase: 'apply', samples: 2, p50Ms: s(100), p95Ms: s(200) },
      { phase: 'total', samples: 13, p50Ms: s(57), p95Ms: s(1013) }
    ])
  })

  it('ranks the slowest deployments by mean duration of the runs that ran', () => {
    expect(report.slowest).toEqual([
      { deploymentId: B, runs: 3, meanMs: (s(32.5) + s(39.4) + s(1013)) / 3, maxMs: s(1013) },
      { deploymentId: A, runs: 6, meanMs: (s(35) + s(148) + s(57) + s(68) + s(82.3) + s(294.2)) / 6, maxMs: s(294.2) },
      { deploymentId: C, runs: 2, meanMs: s(60), maxMs: s(66) },
      { deploymentId: D, runs: 2, meanMs: s(16.5), maxMs: s(17) }
    ])
  })

  it('reports only the windows within --since, and recoveries within it', () => {
    const week = computeFleetReport(history, now, 7 * DAY)
    expect(week.windows.map((w) => [w.window, w.deployments])).toEqual([['24h', 6], ['7d', 10]])
    expect(week.mttr.recoveries.map((r) => r.durationMs)).toEqual([240 * 60_000])
    const twelve = computeFleetReport(history, now, 12 * HOUR)
    expect(twelve.windows.map((w) => [w.window, w.deployments, w.succeeded])).toEqual([['12h', 5, 1]])
    const ninety = computeFleetReport(history, now, 90 * DAY)
    expect(ninety.windows.map((w) => [w.window, w.deployments])).toEqual([['24h', 6], ['7d', 10], ['30d', 15], ['90d', 16]])
    expect(ninety.mttr.recoveries).toContainEqual({ deploymentId: C, failedAt: ago(800), recoveredAt: ago(700), durationMs: 100 * HOUR, failures: 1 })
  })

  it('ignores entries from the future and is empty without entries', () => {
    const future = entry(A, -1, 'failed', { init: 1 })
    expect(computeFleetReport([...history, future], now, DAY).windows[0]?.deployments).toBe(6)
    const empty = computeFleetReport([], now, DAY)
    expect(empty.windows[0]).toMatchObject({ deployments: 0, successRate: null })
    expect(empty.mttr.meanMs).toBeNull()
    expect(renderReportMarkdown(empty)).toContain('No failures.')
  })

  it('renders the figures as Markdown and JSON', () => {
    const md = renderReportMarkdown(report)
    expect(md).toContain('| Last 24h | 6 | 2 | 1 | 0 | 1 | 1 | 1 | 33.3% | 4 | 0 | 1 |')
    expect(md).toContain('| Last 30d | 15 | 6 | 5 | 1 | 1 | 1 | 1 | 40.0% | 6 | 1 | 1 |')
    expect(md).toContain('### Mean time to recovery: 1.8 h (3 recoveries, 2 not recovered)')
    expect(md).toContain(`| ${A} | 3 | 6 | ${ago(98)} | ${A} failed 98h ago |`)
    expect(md).toContain('| plan | 11 | 45.0s | 16.7 min |')
    expect(md).toContain(`| ${B} | 3 | 6.0 min | 16.9 min |`)
    expect(JSON.parse(renderReportJson(report))).toEqual(JSON.parse(JSON.stringify(report)))
  })
})

describe('nearest rank', () => {
  it('takes the value at rank ceil(p/100 * n)', () => {
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2)
    expect(nearestRank([1, 2, 3, 4], 95)).toBe(4)
    expect(nearestRank(Array.from({ length: 20 }, (_, i) => i + 1), 95)).toBe(19)
    expect(nearestRank([7], 50)).toBe(7)
    expect(nearestRank([], 50)).toBeUndefined()
  })
})
