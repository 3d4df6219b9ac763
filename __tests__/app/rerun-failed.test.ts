import { runCli } from '../../src/cli/main.js'
import { earlierSummaries, idsToRerun, RerunError, rerunSourceOf, withDependents } from '../../src/app/rerun-failed.js'
import { runRecordKey } from '../../src/audit/audit-keys.js'
import { buildRunRecord } from '../../src/audit/audit-record.js'
import type { DependencyGraph } from '../../src/graph/dag.js'
import type { DeploymentStatus, RunSummary } from '../../src/model/run-result.js'
import { MemoryObjectStore } from '../audit/memory-object-store.js'
import { lastSummary, stackModule } from '../helpers/stacks.js'
import { tempDir } from '../helpers/temp-dir.js'

const quiet = { out: () => undefined, err: () => undefined }
const summary = (runId: string, statuses: Record<string, DeploymentStatus>): RunSummary =>
  ({ runId, command: 'apply', destroy: false, deployments: Object.entries(statuses).map(([id, status]) => ({ id, status })) }) as unknown as RunSummary

describe('choosing what to run again', () => {
  it('takes what failed, timed out, was blocked or skipped, and nothing that succeeded or was cancelled', () => {
    const s = summary('r1', { a: 'failed', b: 'timed-out', c: 'blocked', d: 'skipped', e: 'succeeded', f: 'cancelled' })
    expect(idsToRerun([s, summary('r2', { a: 'skipped', g: 'failed' })])).toEqual(['a', 'b', 'c', 'd', 'g'])
  })

  it('adds every transitive dependent in the current graph', () => {
    const graph: DependencyGraph = new Map([
      ['kms', new Set<string>()],
      ['s3', new Set(['kms'])],
      ['app', new Set(['s3'])],
      ['iam', new Set<string>()]
    ])
    expect([...withDependents(graph, ['kms', 'gone'])].sort()).toEqual(['app', 'kms', 's3'])
  })

  it('names the earlier run: an id, or the previous attempt of the workflow run', () => {
    expect(rerunSourceOf(undefined, { runId: '555', runAttempt: 3 })).toBeUndefined()
    expect(rerunSourceOf('20261126T1200-abc', undefined)).toEqual({ runId: '20261126T1200-abc' })
    expect(rerunSourceOf('previous-attempt', { runId: '555', runAttempt: 3 })).toEqual({ githubRunId: '555', attempt: 3 })
    expect(rerunSourceOf('true', { runId: '555', runAttempt: 2 })).toEqual({ githubRunId: '555', attempt: 2 })
    expect(() => rerunSourceOf('previous-attempt', undefined)).toThrow('not in a GitHub Actions workflow run')
  })

  it('reads the run by id, or every run of the previous attempt of a workflow run, from the run records', async () => {
    const store = new MemoryObjectStore()
    const put = async (s: RunSummary, at: string, ci?: { runId: string; runAttempt: number }): Promise<void> =>
      void (await store.put(runRecordKey({ action: 'apply', at: new Date(at), runId: s.runId }), JSON.stringify(buildRunRecord(s, {}, ci))))
    await put(summary('shard-1', { a: 'failed' }), '2026-11-20T10:00:00Z', { runId: '555', runAttempt: 1 })
    await put(summary('shard-2', { b: 'skipped' }), '2026-11-20T10:00:01Z', { runId: '555', runAttempt: 1 })
    await put(summary('retry', { a: 'failed' }), '2026-11-20T11:00:00Z', { runId: '555', runAttempt: 2 })
    await put(summary('other', { c: 'failed' }), '2026-11-20T12:00:00Z', { runId: '777', runAttempt: 1 })
    expect((await earlierSummaries(store, { runId: 'other' })).map((s) => s.runId)).toEqual(['other'])
    expect((await earlierSummaries(store, { githubRunId: '555', attempt: 2 })).map((s) => s.runId).sort()).toEqual(['shard-1', 'shard-2'])
    await expect(earlierSummaries(store, { githubRunId: '555', attempt: 1 })).rejects.toThrow('first attempt')
    await expect(earlierSummaries(store, { runId: 'nope' })).rejects.toThrow(RerunError)
  })
})

describe('--rerun-failed (real OpenTofu, local store)', () => {
  const tmp = tempDir({
    '.tf-orchestrator.yml': 'policies:\n  mode: "off"\n',
    'east/kms/main.tf': stackModule({ command: 'echo kms is broken >&2; exit 1' }),
    'east/s3/main.tf': stackModule(), // needs kms
    'east/dynamodb/main.tf': stackModule(), // needs kms
    'east/iam/main.tf': stackModule()
  })
  afterAll(() => tmp.cleanup())

  it('runs exactly the failed deployment and its two skipped dependents', async () => {
    expect(await runCli(['apply', '--all', '-w', tmp.dir], quiet)).toBe(1)
    const first = lastSummary(tmp.dir)
    expect(Object.fromEntries(first.deployments.map((d) => [d.id, d.status]))).toEqual({
      'kms/default/east/default': 'failed',
      's3/default/east/default': 'skipped',
      'dynamodb/default/east/default': 'skipped',
      'iam/default/east/default': 'succeeded'
    })
    tmp.write('east/kms/main.tf', stackModule())
    expect(await runCli(['apply', '-w', tmp.dir, '--rerun-failed', first.runId], quiet)).toBe(0)
    const rerun = lastSummary(tmp.dir)
    expect(rerun.runId).not.toBe(first.runId)
    expect(rerun.deployments.map((d) => [d.id, d.status]).sort()).toEqual([
      ['dynamodb/default/east/default', 'succeeded'],
      ['kms/default/east/default', 'succeeded'],
      ['s3/default/east/default', 'succeeded']
    ])
    expect(rerun.executionLevels).toEqual([['kms/default/east/default'], ['dynamodb/default/east/default', 's3/default/east/default']])
  })

  it('stops before running anything when the earlier run is unknown', async () => {
    const errors: string[] = []
    expect(await runCli(['apply', '-w', tmp.dir, '--rerun-failed', 'no-such-run'], { out: () => undefined, err: (t) => errors.push(t) })).toBe(2)
    expect(errors.join('\n')).toContain('no run record of run no-such-run')
  })
})
