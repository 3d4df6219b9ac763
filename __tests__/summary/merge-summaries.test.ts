import { planMatrix, shardIds } from '../../src/matrix/plan-matrix.js'
import type { RunSummary } from '../../src/model/run-result.js'
import { MergeSummariesError, mergeLevels, mergeSummaries } from '../../src/summary/merge-summaries.js'
import { asRunSummary } from '../../src/summary/summary-shape.js'
import { awsFleetDeployments, awsFleetRun, simulateRun, type Fixture } from '../render/fleet-fixture.js'

/** The unsharded run cut along the matrix split: what each shard job would have reported. */
function shardsOf(fixture: Fixture, count: number): RunSummary[] {
  const packing = planMatrix({ graph: fixture.graph.dependencies, history: {}, workers: 5, shards: count })
  return packing.shards.map((s, i) => {
    const ids = new Set(shardIds(packing, s.shard))
    const deployments = fixture.summary.deployments.filter((d) => ids.has(d.id))
    const levels = fixture.summary.executionLevels.map((l) => l.filter((id) => ids.has(id))).filter((l) => l.length > 0)
    const starts = deployments.map((d) => Date.parse(d.startedAt ?? fixture.summary.startedAt))
    return {
      ...fixture.summary,
      runId: `2026112${i}T000000000Z-shard${s.shard}`,
      startedAt: new Date(Math.min(...starts)).toISOString(),
      workers: 2,
      parallelDeployments: 2,
      executionLevels: levels,
      deployments
    }
  })
}

describe('mergeSummaries', () => {
  const fleet = awsFleetRun()

  it('is the union of the shards: every deployment once, in no more levels than the deepest shard', () => {
    const parts = shardsOf(fleet, 3)
    expect(parts.map((p) => p.deployments.length).every((n) => n > 0)).toBe(true)
    const merged = mergeSummaries(parts, 'merged-run')
    expect(merged.deployments.map((d) => d.id).sort()).toEqual(fleet.summary.deployments.map((d) => d.id).sort())
    expect(merged.executionLevels.flat().sort()).toEqual(fleet.summary.executionLevels.flat().sort())
    expect(merged.executionLevels.length).toBe(Math.max(...parts.map((p) => p.executionLevels.length)))
    expect(merged).toMatchObject({ runId: 'merged-run', shards: 3, workers: 6, parallelDeployments: 6, command: 'plan' })
  })

  it('has the unsharded run totals on the same fleet (failed, blocked, skipped and resource counts)', () => {
    const merged = mergeSummaries(shardsOf(fleet, 3), 'merged-run')
    expect(merged.totals).toEqual(fleet.summary.totals)
    expect(merged.totals).toMatchObject({ deployments: 19, failed: 1, blocked: 1 })
    expect(merged.totals.skipped).toBeGreaterThan(0)
    const apply = simulateRun(awsFleetDeployments(), { command: 'apply', seed: 3 })
    const mergedApply = mergeSummaries(shardsOf(apply, 4), 'merged-apply')
    expect(mergedApply.totals).toEqual(apply.summary.totals)
    expect(mergedApply.totals.created).toBeGreaterThan(0)
  })

  it('spans the earliest start to the latest finish', () => {
    const parts = shardsOf(fleet, 3).map((p, i) => ({ ...p, startedAt: `2026-11-26T10:0${i}:00.000Z`, finishedAt: `2026-11-26T10:1${3 - i}:00.000Z` }))
    const merged = mergeSummaries(parts, 'm')
    expect(merged.startedAt).toBe('2026-11-26T10:00:00.000Z')
    expect(merged.finishedAt).toBe('2026-11-26T10:13:00.000Z')
    expect(merged.durationMs).toBe(13 * 60_000)
  })

  it('refuses a deployment that two shards ran, naming it and both runs', () => {
    const [a, b] = shardsOf(fleet, 2) as [RunSummary, RunSummary]
    const twice = { ...b, deployments: [...b.deployments, a.deployments[0] as RunSummary['deployments'][number]] }
    expect(() => mergeSummaries([a, twice], 'm')).toThrow(MergeSummariesError)
    expect(() => mergeSummaries([a, twice], 'm')).toThrow(`${a.deployments[0]?.id} is in shard runs ${a.runId} and ${b.runId}`)
  })

  it('refuses nothing to merge, and plan mixed with apply', () => {
    expect(() => mergeSummaries([], 'm')).toThrow('no shard summaries to merge')
    const [a, b] = shardsOf(fleet, 2) as [RunSummary, RunSummary]
    expect(() => mergeSummaries([a, { ...b, command: 'apply' }], 'm')).toThrow(/is apply, shard run .* is plan: not one run/)
  })

  it('merges levels index by index', () => {
    expect(mergeLevels([[['a'], ['b']], [['c']], [['d'], ['e'], ['f']]])).toEqual([['a', 'c', 'd'], ['b', 'e'], ['f']])
    expect(mergeLevels([])).toEqual([])
  })
})

describe('asRunSummary', () => {
  it('accepts a summary.json and names the file of anything else', () => {
    const s = awsFleetRun().summary
    expect(asRunSummary(JSON.parse(JSON.stringify(s)), 'a/summary.json').runId).toBe(s.runId)
    expect(() => asRunSummary({ ...s, command: 'list' }, 'x/summary.json')).toThrow('x/summary.json: not a tf-orchestrator summary.json (command is not plan or apply)')
    expect(() => asRunSummary([], 'y.json')).toThrow('not a JSON object')
    expect(() => asRunSummary({ ...s, deployments: [{}] }, 'z.json')).toThrow('no deployments list')
  })
})
