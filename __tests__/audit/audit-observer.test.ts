import type { AuditRecord, RunRecord } from '../../src/audit/audit-record.js'
import type { IndexEntry, RunIndex } from '../../src/audit/history-index.js'
import { auditObserver } from '../../src/audit/io/audit-observer.js'
import { readHistory } from '../../src/audit/io/read-history.js'
import type { RunObserver } from '../../src/engine/run-observer.js'
import type { DeploymentResult } from '../../src/model/run-result.js'
import type { PolicyVerdict } from '../../src/policy/verdict.js'
import { deployment, resultOf, runStart, summaryOf } from './fixtures.js'
import { MemoryObjectStore } from './memory-object-store.js'

const runId = '20261105T142000123Z-a1b2c3'
const started = new Date('2026-11-05T14:20:00.123Z')
const s3 = deployment('s3', 'acme-dev', 'us-east-1', 'payments-data')
const kms = deployment('kms', 'acme-dev', 'us-east-1', 'platform-keys')
const later = deployment('s3', 'acme-prd', 'us-east-1', 'payments-data')
const verdict: PolicyVerdict = {
  allowed: true,
  mode: 'enforce',
  denies: [],
  warnings: [{ id: 'TAG-001', msg: 'missing owner tag' }],
  waived: [{ finding: { id: 'FLEET-001', msg: 'shared key' }, waiver: { rule: 'FLEET-001', deployment: 'kms/acme-dev/*/platform-keys', reason: 'legacy until Q1', expires: '2026-12-31' } }],
  expiredWaivers: [],
  errors: []
}
const phase = (startedAt: string, durationMs: number, exitCode = 0) => ({ startedAt, durationMs, attempts: 1, exitCode })
const kmsResult = resultOf(kms, {
  status: 'succeeded',
  startedAt: '2026-11-05T14:20:01.000Z',
  durationMs: 30_000,
  workerId: 1,
  applied: true,
  hasChanges: true,
  counts: { create: 1, update: 0, delete: 0, replace: 0 },
  stateBytes: 2048,
  attempts: 4,
  policy: verdict,
  phases: { init: phase('2026-11-05T14:20:01.000Z', 5000), plan: phase('2026-11-05T14:20:06.000Z', 10_000), show: phase('2026-11-05T14:20:16.000Z', 1000), policy: phase('2026-11-05T14:20:17.000Z', 200), apply: phase('2026-11-05T14:20:18.000Z', 12_000) },
  logFile: '/run/logs/kms__acme-dev__us-east-1__platform-keys.log'
})
const s3Result = resultOf(s3, { status: 'failed', startedAt: '2026-11-05T14:20:02.000Z', durationMs: 8000, workerId: 2, error: 'plan failed (exit 1): Error: invalid bucket name', attempts: 2, phases: { init: phase('2026-11-05T14:20:02.000Z', 4000), plan: phase('2026-11-05T14:20:06.000Z', 4000, 1) } })
const skipped = resultOf(later, { status: 'skipped', skippedBecause: s3.id, error: `dependency ${s3.id} did not succeed` })
const totals = { deployments: 3, succeeded: 1, failed: 1, blocked: 0, timedOut: 0, cancelled: 0, skipped: 1, created: 1, changed: 0, destroyed: 0, replaced: 0 }
const summary = summaryOf(runId, 'apply', [kmsResult, s3Result, skipped], started, totals)

/** Feeds a run's events in engine order: kms and s3 run side by side, the third is skipped. */
async function play(observer: RunObserver): Promise<void> {
  await observer.runStarted?.(runStart(runId, 'apply', [kms, s3, later], started))
  await observer.deploymentStarted?.(kms, 1)
  await observer.deploymentStarted?.(s3, 2)
  await observer.deploymentFinished?.(s3Result)
  await observer.deploymentFinished?.(kmsResult)
  await observer.deploymentFinished?.(skipped)
  await observer.runFinished?.(summary)
}

const outputs = async (id: string, logFile?: string): Promise<Record<string, string>> => (logFile ? { init: `init of ${id}\n`, apply: 'Apply complete! secret=hunter2\n' } : {})
const ci = { repository: 'acme/infra', runId: '987', runAttempt: 1, actor: 'octocat', commit: 'abc123', ref: 'refs/pull/42/merge', event: 'pull_request', pullRequest: 42 }
const keys = {
  kms: `audit-logs/acme-dev/platform-keys/apply-20261105T142031Z-${runId}-kms~acme-dev~us-east-1~platform-keys.json`,
  s3: `audit-logs/acme-dev/payments-data/apply-20261105T142010Z-${runId}-s3~acme-dev~us-east-1~payments-data.json`,
  skipped: `audit-logs/acme-prd/payments-data/apply-20261105T143000Z-${runId}-s3~acme-prd~us-east-1~payments-data.json`,
  run: `audit-logs/_runs/apply-20261105T142000Z-${runId}.json`,
  rollup: `audit-logs/_index/2026/11/05/${runId}.json`
}

function setup(): { store: MemoryObjectStore; warnings: string[]; observer: RunObserver } {
  const store = new MemoryObjectStore()
  const warnings: string[] = []
  const observer = auditObserver({ store, warn: (m) => void warnings.push(m), phaseOutputs: outputs, ci, backupKey: (r) => (r.applied ? `backups/${r.id}/pre-apply.tfstate` : undefined), now: () => new Date('2026-11-05T14:30:00Z') })
  return { store, warnings, observer }
}

describe('audit observer', () => {
  it('writes every record, index entry, the rollup and the run record at the documented keys', async () => {
    const { store, warnings, observer } = setup()
    await play(observer)
    expect(warnings).toEqual([])
    expect([...store.objects.keys()].sort()).toEqual(
      [keys.kms, keys.s3, keys.skipped, keys.run, keys.rollup, ...[kms, s3, later].map((d) => `audit-logs/_index/2026/11/05/${runId}/${d.id.replace(/\//g, '~')}.json`)].sort()
    )
    const rec = store.json(keys.kms) as AuditRecord
    expect(rec).toMatchObject({
      schemaVersion: 1,
      runId,
      action: 'apply',
      recordedAt: '2026-11-05T14:20:31.000Z',
      deployment: { id: kms.id, account: 'acme-dev', project: 'platform-keys', region: 'us-east-1', services: ['kms'], stateKey: kms.stateKey, reasons: kms.reasons },
      status: 'succeeded',
      policy: verdict,
      backupKey: `backups/${kms.id}/pre-apply.tfstate`,
      counts: { create: 1, update: 0, delete: 0, replace: 0 },
      stateBytes: 2048,
      workerId: 1,
      parallelDeployments: 2,
      workers: 4,
      binary: { name: 'tofu', version: '1.11.6' },
      ci,
      outputs: { init: `init of ${kms.id}\n`, apply: 'Apply complete! secret=hunter2\n' }
    })
    expect(rec.phases.apply?.durationMs).toBe(12_000)
    expect(store.json(keys.s3)).toMatchObject({ status: 'failed', error: s3Result.error, parallelDeployments: 2, outputs: {} })
    expect(store.json(keys.skipped)).toMatchObject({ status: 'skipped', skippedBecause: s3.id, parallelDeployments: 0, recordedAt: '2026-11-05T14:30:00.000Z' })
    const run = store.json(keys.run) as RunRecord
    expect(run).toMatchObject({ kind: 'run', runId, executionLevels: [[kms.id, s3.id, later.id]], records: { [kms.id]: keys.kms, [s3.id]: keys.s3, [later.id]: keys.skipped }, ci })
    expect(run.summary).toEqual(JSON.parse(JSON.stringify(summary)))
    const rollup = store.json(keys.rollup) as RunIndex
    expect(rollup.entries.map((e) => [e.deploymentId, e.status, e.recordKey])).toEqual([
      [kms.id, 'succeeded', keys.kms],
      [s3.id, 'failed', keys.s3],
      [later.id, 'skipped', keys.skipped]
    ])
    expect(rollup.entries[0]?.phases).toEqual({ init: 5000, plan: 10_000, show: 1000, policy: 200, apply: 12_000 })
  })

  it('refuses to overwrite an existing record and says so loudly, without throwing', async () => {
    const { store, observer } = setup()
    await play(observer)
    const before = new Map([...store.objects].map(([k, v]) => [k, v.body]))
    const warnings: string[] = []
    const again = auditObserver({ store, warn: (m) => void warnings.push(m), phaseOutputs: async () => ({ init: 'tampered' }), now: () => new Date('2026-11-05T14:30:00Z') })
    await expect(play(again)).resolves.toBeUndefined()
    expect(warnings).toContain(`AUDIT WRITE FAILED: the audit record of ${kms.id} not written to memory://audit-test: ${keys.kms} already exists (create-only: an audit record is never overwritten)`)
    expect(warnings.filter((w) => w.includes('already exists'))).toHaveLength(5)
    expect(new Map([...store.objects].map(([k, v]) => [k, v.body]))).toEqual(before)
  })

  it('reports a failed write and goes on with the other deployments', async () => {
    const { store, warnings, observer } = setup()
    store.failPut = (key) => key === keys.s3
    const result: DeploymentResult = structuredClone(s3Result)
    await play(observer)
    expect(warnings).toEqual([`AUDIT WRITE FAILED: the audit record of ${s3.id} not written to memory://audit-test: connection reset while writing ${keys.s3}`])
    expect(s3Result).toEqual(result)
    expect(store.objects.has(keys.kms)).toBe(true)
    // No index entry points at a record that is not there.
    expect((store.json(keys.rollup) as RunIndex).entries.map((e) => e.deploymentId)).toEqual([kms.id, later.id])
    expect(store.json(keys.run)).toMatchObject({ records: { [kms.id]: keys.kms, [later.id]: keys.skipped } })
  })

  it('reads one object per finished run, and the single entries of a run that never finished', async () => {
    const { store, observer } = setup()
    await play(observer)
    const crashed = auditObserver({ store, warn: () => undefined, phaseOutputs: outputs })
    const otherRun = '20261105T160000000Z-ffffff'
    await crashed.runStarted?.(runStart(otherRun, 'plan', [kms, s3], new Date('2026-11-05T16:00:00Z')))
    await crashed.deploymentFinished?.(resultOf(kms, { status: 'succeeded', startedAt: '2026-11-05T16:00:01.000Z', durationMs: 1000 }))
    await crashed.deploymentFinished?.(resultOf(s3, { status: 'failed', startedAt: '2026-11-05T16:00:01.000Z', durationMs: 2000 }))
    store.calls.get = 0
    const read = await readHistory(store, new Date('2026-11-06T12:00:00Z'), 86_400_000)
    expect(read.objectsRead).toBe(3)
    expect(store.calls.get).toBe(3)
    expect(store.calls.list).toBe(3)
    const byRun = (e: IndexEntry): string => `${e.runId} ${e.deploymentId} ${e.status}`
    expect(read.entries.map(byRun).sort()).toEqual(
      [`${runId} ${kms.id} succeeded`, `${runId} ${s3.id} failed`, `${runId} ${later.id} skipped`, `${otherRun} ${kms.id} succeeded`, `${otherRun} ${s3.id} failed`].sort()
    )
  })

  it('skips index objects that are not valid and warns', async () => {
    const store = new MemoryObjectStore()
    await store.put('audit-logs/_index/2026/11/05/broken.json', '{ not json')
    await store.put('audit-logs/_index/2026/11/05/odd.json', JSON.stringify({ schemaVersion: 1, entries: [{ runId: 'x' }] }))
    const warnings: string[] = []
    const read = await readHistory(store, new Date('2026-11-05T12:00:00Z'), 3_600_000, { warn: (m) => void warnings.push(m) })
    expect(read).toMatchObject({ entries: [], invalid: 2 })
    expect(warnings).toHaveLength(2)
  })
})
