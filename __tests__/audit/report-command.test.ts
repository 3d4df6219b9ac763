import { CommanderError } from 'commander'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { auditAction, auditRecordKey, indexEntryKey, runIndexKey, runRecordKey } from '../../src/audit/audit-keys.js'
import { indexEntryFrom, type IndexEntry, type RunIndex } from '../../src/audit/history-index.js'
import { buildAuditRecord, buildRunRecord } from '../../src/audit/audit-record.js'
import type { FleetReport } from '../../src/audit/fleet-report.js'
import { runCli } from '../../src/cli/main.js'
import type { DeploymentResult, DeploymentStatus } from '../../src/model/run-result.js'
import { localObjectStore } from '../../src/state/io/local-object-store.js'
import { tempDir } from '../helpers/temp-dir.js'
import { readHistory } from '../../src/audit/io/read-history.js'
import { computeFleetReport } from '../../src/audit/fleet-report.js'
import { parseSince } from '../../src/audit/report-window.js'
import { reportCommand } from '../../src/cli/report-command.js'
import { BINARY, deployment, resultOf, summaryOf } from './fixtures.js'
import { MemoryObjectStore } from './memory-object-store.js'

const DAY = 86_400_000
const now = new Date('2026-11-30T12:00:00Z')

/** A run's rollup of `count` deployments, all finished `daysAgo` before now; every seventh fails. */
function runIndex(runNo: number, daysAgo: number, count: number): { key: string; index: RunIndex } {
  const startedAt = new Date(now.getTime() - daysAgo * DAY - 3_600_000)
  const runId = `run-${String(runNo).padStart(5, '0')}`
  const entries: IndexEntry[] = Array.from({ length: count }, (_, i) => {
    const d = deployment('s3', `acct-${i % 10}`, 'us-east-1', `proj-${i}`)
    const finished = new Date(startedAt.getTime() + 60_000 + i * 1000)
    const r = resultOf(d, { status: (runNo + i) % 7 === 0 ? 'failed' : 'succeeded', startedAt: new Date(finished.getTime() - 10_000).toISOString(), durationMs: 10_000, phases: { init: { durationMs: 3000, attempts: 1 }, plan: { durationMs: 7000, attempts: 1 } } })
    const run = { runId, command: 'plan' as const, destroy: false, runStartedAt: startedAt.toISOString(), binary: BINARY, workers: 4 }
    return indexEntryFrom(buildAuditRecord({ result: r, deployment: d, run, outputs: {}, finishedAt: finished, parallelDeployments: 1 }), `audit-logs/x/${runId}/${i}`)
  })
  return { key: runIndexKey(startedAt, runId), index: { schemaVersion: 1, runId, runStartedAt: startedAt.toISOString(), entries } }
}

async function report(store: MemoryObjectStore, ...args: string[]): Promise<{ out: string; err: string; error?: unknown }> {
  let out = ''
  let err = ''
  const output = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) }
  const command = reportCommand(output, async () => store, () => now).exitOverride().configureOutput({ writeErr: (t) => void (err += t), writeOut: (t) => void (out += t) })
  try {
    await command.parseAsync(args, { from: 'user' })
    return { out, err }
  } catch (error) {
    return { out, err, error }
  }
}

describe('report command', () => {
  const store = new MemoryObjectStore()
  beforeAll(async () => {
    for (const [n, daysAgo] of [[1, 0], [2, 3], [3, 20], [4, 45]] as const) {
      const { key, index } = runIndex(n, daysAgo, 14)
      await store.put(key, JSON.stringify(index))
    }
  })

  it('prints Markdown for the default 30 days', async () => {
    const { out, error } = await report(store)
    expect(error).toBeUndefined()
    expect(out).toContain('## Fleet report (last 30d')
    // Runs 1-3 (42 deployments), 6 failures: (runNo + i) % 7 === 0 twice per run.
    expect(out).toContain('| Last 24h | 14 | 12 | 2 |')
    expect(out).toContain('| Last 30d | 42 | 36 | 6 |')
  })

  it('prints JSON with --json, limited by --since', async () => {
    const { out } = await report(store, '--since', '7d', '--json')
    const parsed = JSON.parse(out) as { since: string; windows: { window: string; deployments: number }[] }
    expect(parsed.since).toBe('7d')
    expect(parsed.windows.map((w) => [w.window, w.deployments])).toEqual([['24h', 14], ['7d', 28]])
  })

  it.each(['30', '7 d', '-7d', '1.5d', '7w', '0d', 'd', '07d', '9999999d', '3651d'])('refuses --since %s', async (bad) => {
    const { out, err, error } = await report(store, '--since', bad)
    expect(error).toBeInstanceOf(CommanderError)
    expect((error as CommanderError).code).toBe('commander.invalidArgument')
    expect(err).toContain(`option '--since <duration>' argument '${bad}' is invalid. invalid duration`)
    expect(out).toBe('')
  })

  it('accepts hours and days', () => {
    expect([parseSince('24h'), parseSince('7d'), parseSince('90d'), parseSince('3650d')]).toEqual([DAY, 7 * DAY, 90 * DAY, 3650 * DAY])
  })
})

describe('a large history', () => {
  it('reads 20,000 records from 400 rollups over 30 days, one object per run', async () => {
    const store = new MemoryObjectStore()
    for (let n = 0; n < 400; n++) {
      const { key, index } = runIndex(n, (n % 30) + 0.01, 50)
      await store.put(key, JSON.stringify(index))
      // Single entries stay beside the rollup; the reader must not read them.
      if (n % 100 === 0) for (const e of index.entries) await store.put(indexEntryKey(new Date(index.runStartedAt), index.runId, e.deploymentId), JSON.stringify(e))
    }
    // Runs outside the window are never listed.
    await store.put(runIndex(9999, 60, 50).key, JSON.stringify(runIndex(9999, 60, 50).index))
    store.calls.get = 0
    const started = Date.now()
    const read = await readHistory(store, now, 30 * DAY)
    const result = computeFleetReport(read.entries, now, 30 * DAY)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(store.calls.get).toBe(400)
    expect(read.entries).toHaveLength(20_000)
    expect(result.windows.at(-1)?.deployments).toBe(20_000)
  })
})

/**
 * `report` end to end through runCli on a local store: the history is written with the
 * real key and record builders through the working directory's own local ObjectStore
 * (`.tf-orchestrator/state`, the default `state: {type: local}`), and the figures are
 * counted by hand. Times are relative to the real clock (runCli reads it), with hours
 * of margin to every window edge.
 */
describe('report command on a local store (runCli)', () => {
  const HOUR = 3_600_000
  const A = deployment('s3', 'acme-dev', 'us-east-1', 'payments')
  const B = deployment('kms', 'acme-prod', 'eu-west-1', 'keys')
  const C = deployment('iam', 'acme-prod', 'us-east-1', 'roles')
  /** Each deployment finishes this long after its run started (A 1 min, B 2 min, C 3 min). */
  const offset = new Map([[A.id, 60_000], [B.id, 120_000], [C.id, 180_000]])
  const base = Date.now()
  const ago = (ms: number): Date => new Date(base - ms)
  const COUNTS = { create: 1, update: 2, delete: 0, replace: 0 }
  // run1 started 30 days 6 hours ago: its day folder is listed, its entries are older than the window.
  // run5 crashed before its rollup: only its single entries exist.
  const runs: { runId: string; startedAt: Date; rollup: boolean; statuses: [typeof A, DeploymentStatus][] }[] = [
    { runId: 'run-1', startedAt: ago(30 * DAY + 6 * HOUR), rollup: true, statuses: [[A, 'failed'], [B, 'succeeded'], [C, 'succeeded']] },
    { runId: 'run-2', startedAt: ago(10 * DAY), rollup: true, statuses: [[A, 'failed'], [B, 'succeeded'], [C, 'succeeded']] },
    { runId: 'run-3', startedAt: ago(10 * DAY - 3 * HOUR), rollup: true, statuses: [[A, 'succeeded'], [B, 'blocked'], [C, 'succeeded']] },
    { runId: 'run-4', startedAt: ago(2 * DAY), rollup: true, statuses: [[A, 'succeeded'], [B, 'succeeded'], [C, 'timed-out']] },
    { runId: 'run-5', startedAt: ago(2 * HOUR), rollup: false, statuses: [[A, 'succeeded'], [C, 'failed']] }
  ]
  const work = tempDir()
  const state = join(work.dir, '.tf-orchestrator', 'state')

  beforeAll(async () => {
    const store = localObjectStore(state)
    for (const run of runs) {
      const context = { runId: run.runId, command: 'plan' as const, destroy: false, runStartedAt: run.startedAt.toISOString(), binary: BINARY, workers: 4 }
      const results: DeploymentResult[] = []
      const entries: IndexEntry[] = []
      const keys: Record<string, string> = {}
      for (const [d, status] of run.statuses) {
        const finishedAt = new Date(run.startedAt.getTime() + (offset.get(d.id) ?? 0))
        const result = resultOf(d, {
          status,
          startedAt: new Date(finishedAt.getTime() - 40_000).toISOString(),
          durationMs: 40_000,
          phases: { init: { durationMs: 10_000, attempts: 1 }, plan: { durationMs: 30_000, attempts: 1, exitCode: status === 'succeeded' ? 2 : 1 } },
          attempts: 2,
          ...(status === 'succeeded' ? { counts: COUNTS, hasChanges: true } : { error: `${status} on ${d.id}\nsecond line` })
        })
        const record = buildAuditRecord({ result, deployment: d, run: context, outputs: { plan: '=== plan (attempt 1, exit 2) ===\nPlan: 1 to add, 2 to change, 0 to destroy.\n' }, finishedAt, parallelDeployments: 2 })
        const key = auditRecordKey({ account: d.account, project: d.project, action: record.action, at: finishedAt, runId: run.runId, deploymentId: d.id })
        const entry = indexEntryFrom(record, key)
        await store.put(key, JSON.stringify(record), { ifNoneMatch: true })
        await store.put(indexEntryKey(run.startedAt, run.runId, d.id), JSON.stringify(entry), { ifNoneMatch: true })
        results.push(result)
        entries.push(entry)
        keys[d.id] = key
      }
      if (!run.rollup) continue
      const summary = summaryOf(run.runId, 'plan', results, run.startedAt, { deployments: 0, succeeded: 0, failed: 0, blocked: 0, timedOut: 0, cancelled: 0, skipped: 0, created: 0, changed: 0, destroyed: 0, replaced: 0 })
      await store.put(runRecordKey({ action: auditAction('plan', false), at: run.startedAt, runId: run.runId }), JSON.stringify(buildRunRecord(summary, keys)), { ifNoneMatch: true })
      const rollup: RunIndex = { schemaVersion: 1, runId: run.runId, runStartedAt: run.startedAt.toISOString(), entries }
      await store.put(runIndexKey(run.startedAt, run.runId), JSON.stringify(rollup), { ifNoneMatch: true })
    }
  })
  afterAll(() => work.cleanup())

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = ''
    let err = ''
    const code = await runCli(args, { out: (t) => void (out += t.endsWith('\n') ? t : `${t}\n`), err: (t) => void (err += t.endsWith('\n') ? t : `${t}\n`) })
    return { code, out, err }
  }

  // By hand, over (now - 30d, now]: run1's entries are older, so A's incident opens in run2.
  //   24h: run5          A ok, C failed                       2 = 1 ok + 1 failed            50.0%
  //   7d:  run4 + run5   A ok, B ok, C timed out; A ok, C failed  5 = 3 ok + 1 failed + 1 t/o   60.0%
  //   30d: runs 2-5      + A failed, B ok, C ok; A ok, B blocked, C ok  11 = 7 ok + 2 failed + 1 blocked + 1 t/o   63.6%
  // Created/changed: 1/2 per succeeded plan. Recoveries: A failed at run2 + 1 min, recovered at
  // run3 + 1 min (3 h); B blocked at run3 + 2 min, recovered at run4 + 2 min (8 d - 3 h = 189 h).
  // MTTR = (3 h + 189 h) / 2 = 96 h. C has not recovered: failing since run4 + 3 min, 2 failed runs.
  const at = (runNo: number, id: string): string => new Date((runs[runNo - 1]?.startedAt.getTime() ?? 0) + (offset.get(id) ?? 0)).toISOString()

  it('finds the history where the default local store keeps it', () => {
    expect(existsSync(join(state, 'audit-logs', '_index'))).toBe(true)
    expect(existsSync(join(state, 'audit-logs', 'acme-dev', 'payments'))).toBe(true)
  })

  it('prints the Markdown report with the hand-counted success rates and MTTR', async () => {
    const { code, out, err } = await cli('report', '--since', '30d', '-w', work.dir)
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(out).toMatch(/^## Fleet report \(last 30d, /)
    expect(out).toContain('| Last 24h | 2 | 1 | 1 | 0 | 0 | 0 | 0 | 50.0% | 1 | 2 | 0 |')
    expect(out).toContain('| Last 7d | 5 | 3 | 1 | 0 | 1 | 0 | 0 | 60.0% | 3 | 6 | 0 |')
    expect(out).toContain('| Last 30d | 11 | 7 | 2 | 1 | 1 | 0 | 0 | 63.6% | 7 | 14 | 0 |')
    expect(out).toContain('### Mean time to recovery: 96.0 h (2 recoveries, 1 not recovered)')
    expect(out).toContain(`| ${C.id} | ${at(4, C.id)} | 2 | failed on ${C.id} |`)
    // Most failing: C twice in 4 runs (last in run5), then B (1 in 3 runs: not in run5) and A (1 in 4), B failing later.
    const failing = out.split('### Most failing deployments')[1]?.split('###')[0] ?? ''
    expect(failing.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Deployment') && !l.startsWith('| ---')).map((l) => l.split(' | ').slice(0, 3).join(' | '))).toEqual([
      `| ${C.id} | 2 | 4`,
      `| ${B.id} | 1 | 3`,
      `| ${A.id} | 1 | 4`
    ])
    expect(out).toContain('| init | 11 | 10.0s | 10.0s |')
    expect(out).toContain('| total | 11 | 40.0s | 40.0s |')
  })

  it('prints the same figures as one JSON document with --json', async () => {
    const { code, out, err } = await cli('report', '--since', '30d', '-w', work.dir, '--json')
    expect(err).toBe('')
    expect(code).toBe(0)
    const report = JSON.parse(out) as FleetReport
    expect(report.since).toBe('30d')
    expect(report.windows.map((w) => [w.window, w.deployments, w.succeeded, w.failed, w.blocked, w.timedOut, w.created, w.changed])).toEqual([
      ['24h', 2, 1, 1, 0, 0, 1, 2],
      ['7d', 5, 3, 1, 0, 1, 3, 6],
      ['30d', 11, 7, 2, 1, 1, 7, 14]
    ])
    expect(report.windows.map((w) => w.successRate)).toEqual([1 / 2, 3 / 5, 7 / 11])
    expect(report.mttr.meanMs).toBe(96 * HOUR)
    expect(report.mttr.recoveries).toEqual([
      { deploymentId: B.id, failedAt: at(3, B.id), recoveredAt: at(4, B.id), durationMs: 189 * HOUR, failures: 1 },
      { deploymentId: A.id, failedAt: at(2, A.id), recoveredAt: at(3, A.id), durationMs: 3 * HOUR, failures: 1 }
    ].sort((x, y) => x.deploymentId.localeCompare(y.deploymentId)))
    expect(report.mttr.unrecovered).toEqual([{ deploymentId: C.id, failedAt: at(4, C.id), failures: 2, lastError: `failed on ${C.id}` }])
  })

  it('counts run1 once --since reaches it', async () => {
    const report = JSON.parse((await cli('report', '--since', '31d', '-w', work.dir, '--json')).out) as FleetReport
    expect(report.windows.map((w) => [w.window, w.deployments])).toEqual([['24h', 2], ['7d', 5], ['30d', 11], ['31d', 14]])
    // A's incident now opens in run1 and spans two failed runs.
    expect(report.mttr.recoveries.find((r) => r.deploymentId === A.id)).toMatchObject({ failedAt: at(1, A.id), recoveredAt: at(3, A.id), failures: 2 })
  })

  it.each(['30', '7w', '-1d', '0d'])('exits 2 for --since %s and prints nothing on stdout', async (bad) => {
    const { code, out, err } = await cli('report', '--since', bad, '-w', work.dir)
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toContain('invalid duration')
  })
})
