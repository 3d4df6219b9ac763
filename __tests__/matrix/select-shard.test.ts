import { executionLevels } from '../../src/graph/dag.js'
import { matrixDocument } from '../../src/matrix/matrix-output.js'
import { planMatrix } from '../../src/matrix/plan-matrix.js'
import { parseShardSpec, restrictToIds, selectShard } from '../../src/matrix/select-shard.js'
import { syntheticFleet } from './synthetic-fleet.js'

describe('a matrix job selecting its shard', () => {
  const fleet = syntheticFleet(42)
  const doc = matrixDocument(planMatrix({ graph: fleet.graph.dependencies, history: fleet.history, workers: 5, shards: 8 }))

  it('recomputes exactly the ids the matrix gave each shard, with a graph that stays inside the shard', () => {
    const seen: string[] = []
    for (const entry of doc.matrix.include) {
      const { selected, graph } = selectShard(fleet.deployments, fleet.graph, fleet.history, { shard: entry.shard, total: entry.total }, 5)
      expect(selected.map((d) => d.id).sort()).toEqual(entry.deployments)
      expect([...graph.dependencies.keys()].sort()).toEqual(entry.deployments)
      for (const [id, deps] of graph.dependencies) expect(deps).toEqual(fleet.graph.dependencies.get(id))
      expect(graph.levels).toEqual(executionLevels(graph.dependencies))
      seen.push(...entry.deployments)
    }
    expect(seen.sort()).toEqual(fleet.deployments.map((d) => d.id).sort())
  })

  it('refuses a shard count the inputs do not give (different selection, history or workers)', () => {
    const two = syntheticFleet(42, 2)
    expect(() => selectShard(two.deployments, two.graph, two.history, { shard: 1, total: 8 }, 5)).toThrow(
      '--shard 1/8: this selection splits into 2 shard(s), not 8'
    )
  })

  it('keeps handed-over ids, and refuses ids outside the selection or cut off from a dependency', () => {
    const entry = doc.matrix.include[2]
    expect(restrictToIds(fleet.deployments, fleet.graph, entry?.deployments ?? []).selected.map((d) => d.id).sort()).toEqual(entry?.deployments)
    expect(() => restrictToIds(fleet.deployments, fleet.graph, ['s3/nowhere/r/p'])).toThrow('not in the selection: s3/nowhere/r/p')
    const [from, to] = Object.entries(fleet.explicit)[0] ?? []
    // Handed only one end of a dependency: refused, naming an edge that crosses the shard boundary.
    expect(to?.length).toBeGreaterThan(0)
    expect(() => restrictToIds(fleet.deployments, fleet.graph, [from as string])).toThrow(new RegExp(`^${from} depends on \\S+, which another shard runs$`))
  })
})

describe('--shard n/total', () => {
  it('parses n/total', () => {
    expect(parseShardSpec('3/7')).toEqual({ shard: 3, total: 7 })
    expect(parseShardSpec(' 1 / 1 ')).toEqual({ shard: 1, total: 1 })
  })

  it.each(['0/3', '4/3', '3', 'a/b', '1/0', '-1/2', '1.5/3'])('rejects %s', (text) => {
    expect(() => parseShardSpec(text)).toThrow('--shard must look like n/total with 1 <= n <= total')
  })
})
