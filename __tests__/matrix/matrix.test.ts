import type { DependencyGraph } from '../../src/graph/dag.js'
import { buildExecutionGraph } from '../../src/graph/deployment-graph.js'
import { DEFAULT_ESTIMATE_MS } from '../../src/engine/run-settings.js'
import { makespanLowerBound } from '../../src/schedule/critical-path.js'
import { matrixDocument } from '../../src/matrix/matrix-output.js'
import { planMatrix } from '../../src/matrix/plan-matrix.js'
import { prng, syntheticFleet, FLEET_SERVICE_DEPENDENCIES } from './synthetic-fleet.js'

const graph = (edges: Record<string, string[]>): DependencyGraph => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]))
const durationOf = (history: Record<string, number>) => (id: string) => history[id] ?? DEFAULT_ESTIMATE_MS

/** Components by flood fill, written independently of the code under test. */
function floodComponents(g: DependencyGraph): string[][] {
  const links = new Map<string, string[]>([...g.keys()].map((id) => [id, []]))
  for (const [id, deps] of g) for (const dep of deps) links.get(id)?.push(dep), links.get(dep)?.push(id)
  const seen = new Set<string>()
  const out: string[][] = []
  for (const start of g.keys()) {
    if (seen.has(start)) continue
    const component: string[] = []
    const stack = [start]
    while (stack.length > 0) {
      const id = stack.pop() as string
      if (seen.has(id)) continue
      seen.add(id)
      component.push(id)
      stack.push(...(links.get(id) ?? []))
    }
    out.push(component)
  }
  return out
}

const subgraph = (g: DependencyGraph, ids: readonly string[]): DependencyGraph => new Map(ids.map((id) => [id, new Set(g.get(id) ?? [])]))

describe('matrix split of a synthetic 500-deployment fleet', () => {
  const fleet = syntheticFleet(1)
  const deps = fleet.graph.dependencies
  const doc = matrixDocument(planMatrix({ graph: deps, history: fleet.history, workers: 5 }))
  const shardOf = new Map(doc.matrix.include.flatMap((e) => e.deployments.map((id) => [id, e.shard] as const)))

  it('puts every selected deployment in exactly one shard', () => {
    const all = doc.matrix.include.flatMap((e) => e.deployments)
    expect(all).toHaveLength(500)
    expect(new Set(all)).toEqual(new Set(fleet.deployments.map((d) => d.id)))
    expect(doc.deployments).toBe(500)
    for (const e of doc.matrix.include) expect(e.count).toBe(e.deployments.length)
  })

  it('keeps every dependency edge, explicit cross-account ones included, inside one shard', () => {
    let edges = 0
    for (const [id, needs] of deps) for (const dep of needs) expect([id, shardOf.get(dep)]).toEqual([id, shardOf.get(id)]), edges++
    expect(edges).toBeGreaterThan(300)
    expect(Object.keys(fleet.explicit)).toHaveLength(2)
    for (const [from, to] of Object.entries(fleet.explicit)) {
      expect(from.split('/')[1]).not.toBe(to[0]?.split('/')[1])
      expect(shardOf.get(from)).toBe(shardOf.get(to[0] as string))
    }
  })

  it('uses min(components, 20) shards numbered 1..n, with the components counted as a flood fill finds them', () => {
    const components = floodComponents(deps).length
    expect(components).toBeGreaterThan(20)
    expect(doc.components).toBe(components)
    expect(doc.matrix.include.map((e) => e.shard)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(doc.matrix.include.every((e) => e.total === 20)).toBe(true)
  })

  it.each([
    [1, undefined, 5],
    [1, 8, 5],
    [2, 12, 3],
    [7, 4, 10],
    [42, 20, 3],
    [1234, 12, 5]
  ])('seed %i, %s shards, %i workers: the busiest shard is within 10%% of the best possible packing', (seed, shards, workers) => {
    const f = syntheticFleet(seed)
    const g = f.graph.dependencies
    const duration = durationOf(f.history)
    const packing = planMatrix({ graph: g, history: f.history, workers, shards })
    const n = packing.shards.length
    // Recomputed here: a shard's makespan is the engine's bound on its own subgraph.
    const busiest = Math.max(...packing.shards.map((s) => makespanLowerBound(subgraph(g, s.components.flatMap((c) => c.ids)), duration, workers)))
    const largest = Math.max(...floodComponents(g).map((ids) => makespanLowerBound(subgraph(g, ids), duration, workers)))
    const total = f.deployments.reduce((sum, d) => sum + duration(d.id), 0)
    const lowerBound = Math.max(largest, total / (workers * n))
    expect(packing.lowerBoundMs).toBeCloseTo(lowerBound, 3)
    expect(busiest).toBeGreaterThanOrEqual(lowerBound - 1e-6)
    expect(busiest).toBeLessThanOrEqual(1.1 * lowerBound)
    expect(Math.max(...packing.shards.map((s) => s.expectedMakespanMs))).toBeCloseTo(busiest, 3)
  })

  it('gives the same split whatever order the deployments were discovered in', () => {
    const random = prng(99)
    const shuffled = [...fleet.deployments].sort(() => random() - 0.5)
    expect(shuffled.map((d) => d.id)).not.toEqual(fleet.deployments.map((d) => d.id))
    const again = buildExecutionGraph({ all: shuffled, serviceDependencies: FLEET_SERVICE_DEPENDENCIES, explicit: fleet.explicit })
    const history = Object.fromEntries(Object.entries(fleet.history).reverse())
    expect(JSON.stringify(matrixDocument(planMatrix({ graph: again.dependencies, history, workers: 5 })))).toBe(JSON.stringify(doc))
  })

  it('stays small: ids only, well under GitHub output limits', () => {
    expect(JSON.stringify(doc).length).toBeLessThan(64 * 1024)
    expect(Object.keys(doc.matrix)).toEqual(['include'])
  })
})

describe('packing rules', () => {
  it('keeps a component larger than a fair share whole, on its own shard', () => {
    const edges: Record<string, string[]> = { hub: [] }
    for (let i = 0; i < 29; i++) edges[`spoke${String(i).padStart(2, '0')}`] = ['hub']
    for (let i = 0; i < 20; i++) edges[`lone${String(i).padStart(2, '0')}`] = []
    const packing = planMatrix({ graph: graph(edges), history: {}, workers: 5, shards: 4 })
    // 30 x 60 s over 5 workers = 360 s, far above the fair share of 50 x 60 s / (5 x 4) = 150 s.
    const big = packing.shards.find((s) => s.components.some((c) => c.ids.includes('hub')))
    expect(big?.components.map((c) => c.ids.length)).toEqual([30])
    expect(big?.expectedMakespanMs).toBe(360_000)
    expect(packing.lowerBoundMs).toBe(360_000)
    expect(packing.shards.filter((s) => s !== big).every((s) => s.expectedMakespanMs < 360_000)).toBe(true)
  })

  it('costs a deployment without a usable recorded duration DEFAULT_ESTIMATE_MS', () => {
    const g = graph({ known: [], unknown: [], broken: [] })
    const history = { known: 10_000, broken: Number.NaN }
    const one = planMatrix({ graph: g, history, workers: 1, shards: 1 })
    expect(one.shards[0]?.expectedMakespanMs).toBe(10_000 + 2 * DEFAULT_ESTIMATE_MS)
    const doc = matrixDocument(planMatrix({ graph: g, history, workers: 1 }))
    // Longest first: the two unknown ones (ties by id) take shards 1 and 2.
    expect(doc.matrix.include.map((e) => [e.deployments, e.expected_makespan_seconds])).toEqual([
      [['broken'], DEFAULT_ESTIMATE_MS / 1000],
      [['unknown'], DEFAULT_ESTIMATE_MS / 1000],
      [['known'], 10]
    ])
  })

  it('never makes more shards than components, and rejects a shard count below 1', () => {
    const g = graph({ a: [], b: ['a'], c: [], d: [] })
    expect(planMatrix({ graph: g, history: {}, workers: 2, shards: 50 }).shards).toHaveLength(3)
    expect(() => planMatrix({ graph: g, history: {}, workers: 2, shards: 0 })).toThrow('shards must be a whole number of at least 1, got 0')
    expect(() => planMatrix({ graph: g, history: {}, workers: 0 })).toThrow('workers must be a whole number')
  })

  it('gives an empty matrix for no deployments', () => {
    const doc = matrixDocument(planMatrix({ graph: new Map(), history: {}, workers: 5 }))
    expect(doc).toEqual({ matrix: { include: [] }, shards: 0, components: 0, deployments: 0, workers: 5, expected_makespan_seconds: 0, lower_bound_seconds: 0 })
  })

  it('puts a single component in one shard whatever was asked', () => {
    const doc = matrixDocument(planMatrix({ graph: graph({ c: ['b'], b: ['a'], a: [] }), history: { a: 1000, b: 2000, c: 3000 }, workers: 4, shards: 5 }))
    expect(doc.matrix.include).toEqual([{ shard: 1, total: 1, deployments: ['a', 'b', 'c'], count: 3, expected_makespan_seconds: 6 }])
  })
})
