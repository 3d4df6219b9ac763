import { emfObserver } from '../../src/audit/emf-observer.js'
import { computeFleetReport } from '../../src/audit/fleet-report.js'
import { auditObserver } from '../../src/audit/io/audit-observer.js'
import { readHistory } from '../../src/audit/io/read-history.js'
import type { RunObserver } from '../../src/engine/run-observer.js'
import type { DeploymentResult, RunSummary } from '../../src/model/run-result.js'
import { deployment, resultOf, runStart, summaryOf } from './fixtures.js'
import { MemoryObjectStore } from './memory-object-store.js'

const runId = '20261105T080000000Z-0a0b0c'
const started = new Date('2026-11-05T08:00:00.000Z')
const at = (seconds: number): string => new Date(started.getTime() + seconds * 1000).toISOString()
const ph = (durationMs: number) => ({ durationMs, attempts: 1, exitCode: 0 })
const d = {
  bucket: deployment('s3', 'acme-dev', 'us-east-1', 'payments-data'),
  keys: deployment('kms', 'acme-dev', 'us-east-1', 'platform-keys'),
  core: deployment('combined', 'acme-prd', 'eu-west-1', 'core'),
  logs: deployment('s3', 'acme-prd', 'eu-west-1', 'logs'),
  queue: deployment('sqs', 'acme-prd', 'eu-west-1', 'orders')
}
const results: DeploymentResult[] = [
  resultOf(d.keys, { status: 'succeeded', startedAt: at(1), durationMs: 40_000, applied: true, hasChanges: true, counts: { create: 2, update: 1, delete: 0, replace: 0 }, phases: { init: ph(6000), plan: ph(12_000), show: ph(1000), policy: ph(300), apply: ph(20_000) } }),
  resultOf(d.bucket, { status: 'succeeded', startedAt: at(1), durationMs: 20_000, applied: false, hasChanges: false, counts: { create: 0, update: 0, delete: 0, replace: 0 }, phases: { init: ph(5000), plan: ph(9000), show: ph(900), policy: ph(200) } }),
  resultOf(d.core, { status: 'succeeded', startedAt: at(42), durationMs: 90_000, applied: true, hasChanges: true, counts: { create: 0, update: 3, delete: 1, replace: 2 }, phases: { init: ph(7000), plan: ph(30_000), show: ph(2000), policy: ph(400), apply: ph(50_000) } }),
  resultOf(d.logs, { status: 'blocked', startedAt: at(42), durationMs: 25_000, counts: { create: 4, update: 0, delete: 0, replace: 0 }, error: 'policy denied: S3-001', phases: { init: ph(8000), plan: ph(14_000), show: ph(1100), policy: ph(500) } }),
  resultOf(d.queue, { status: 'failed', startedAt: at(70), durationMs: 11_000, error: 'plan failed (exit 1)', phases: { init: ph(4000), plan: ph(7000) } })
]
// As summary.json counts them: applied changes only (keys 2+1, core 3 changed, 1 destroyed, 2 replaced).
const totals = { deployments: 5, succeeded: 3, failed: 1, blocked: 1, timedOut: 0, cancelled: 0, skipped: 0, created: 2, changed: 4, destroyed: 1, replaced: 2 }
const summary: RunSummary = summaryOf(runId, 'apply', results, started, totals)

async function play(observers: RunObserver[]): Promise<void> {
  for (const o of observers) await o.runStarted?.(runStart(runId, 'apply', Object.values(d), started))
  for (const r of results) for (const o of observers) await o.deploymentStarted?.(Object.values(d).find((x) => x.id === r.id) ?? d.keys, 1)
  for (const r of results) for (const o of observers) await o.deploymentFinished?.(r)
  for (const o of observers) await o.runFinished?.(summary)
}

describe('summary.json, the report and the metrics agree for one run', () => {
  it('on every total, count and duration', async () => {
    const store = new MemoryObjectStore()
    const lines: string[] = []
    const warnings: string[] = []
    await play([auditObserver({ store, warn: (m) => void warnings.push(m), phaseOutputs: async () => ({}) }), emfObserver((l) => void lines.push(l))])
    expect(warnings).toEqual([])

    const now = new Date(Date.parse(summary.finishedAt) + 60_000)
    const history = await readHistory(store, now, 86_400_000)
    const report = computeFleetReport(history.entries, now, 86_400_000)
    const { window, ms, successRate, ...windowTotals } = report.windows[0] ?? { window: '', ms: 0, successRate: null }
    expect(window).toBe('24h')
    expect(windowTotals).toEqual(summary.totals)
    expect(successRate).toBe(summary.totals.succeeded / summary.totals.deployments)

    // Each deployment ran once: its mean and max are its own duration in summary.json.
    expect(Object.fromEntries(report.slowest.map((s) => [s.deploymentId, [s.runs, s.meanMs, s.maxMs]]))).toEqual(Object.fromEntries(summary.deployments.map((r) => [r.id, [1, r.durationMs, r.durationMs]])))
    // Phase samples and percentiles from summary.json's phase durations (nearest rank, counted by hand).
    expect(report.phases).toEqual([
      { phase: 'init', samples: 5, p50Ms: 6000, p95Ms: 8000 },
      { phase: 'plan', samples: 5, p50Ms: 12_000, p95Ms: 30_000 },
      { phase: 'show', samples: 4, p50Ms: 1000, p95Ms: 2000 },
      { phase: 'policy', samples: 4, p50Ms: 300, p95Ms: 500 },
      { phase: 'apply', samples: 2, p50Ms: 20_000, p95Ms: 50_000 },
      { phase: 'total', samples: 5, p50Ms: 25_000, p95Ms: 90_000 }
    ])
    expect(report.mostFailing.map((f) => f.deploymentId).sort()).toEqual([d.logs.id, d.queue.id].sort())

    const metrics = lines.map((l) => JSON.parse(l) as { DeploymentId: string; DeploymentSuccess: number; ResourcesChanged: number; DeploymentDuration: number })
    expect(metrics.reduce((n, m) => n + m.DeploymentSuccess, 0)).toBe(summary.totals.succeeded)
    expect(metrics.reduce((n, m) => n + m.ResourcesChanged, 0)).toBe(summary.totals.created + summary.totals.changed + summary.totals.destroyed + summary.totals.replaced)
    expect(Object.fromEntries(metrics.map((m) => [m.DeploymentId, m.DeploymentDuration * 1000]))).toEqual(Object.fromEntries(summary.deployments.map((r) => [r.id, r.durationMs])))
  })
})
