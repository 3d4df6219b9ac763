import { executionLevels } from '../graph/dag.js'
import type { ExecutionGraph } from '../graph/deployment-graph.js'
import { planMatrix, shardIds } from './plan-matrix.js'

/** `--shard 2/5`: the second of five shards. */
export interface ShardSpec {
  shard: number
  total: number
}

/** What one matrix job runs: its deployments and their graph (no edge leaves it). */
export interface ShardSelection<T extends { id: string }> {
  selected: T[]
  graph: ExecutionGraph
}

/** Parses `n/total` (1 <= n <= total). */
export function parseShardSpec(text: string): ShardSpec {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  const shard = Number(match?.[1])
  const total = Number(match?.[2])
  if (!match || shard < 1 || total < 1 || shard > total) throw new Error(`--shard must look like n/total with 1 <= n <= total, got ${JSON.stringify(text)}`)
  return { shard, total }
}

/**
 * Recomputes the split from the same inputs the matrix job had and keeps shard
 * `spec.shard`. A different shard count means the inputs differ (selection,
 * history or workers), which would run deployments twice or never: an error.
 */
export function selectShard<T extends { id: string }>(
  selected: readonly T[],
  graph: ExecutionGraph,
  history: Readonly<Record<string, number>>,
  spec: ShardSpec,
  workers: number
): ShardSelection<T> {
  const packing = planMatrix({ graph: graph.dependencies, history, workers, shards: spec.total })
  if (packing.shards.length !== spec.total) {
    throw new Error(
      `--shard ${spec.shard}/${spec.total}: this selection splits into ${packing.shards.length} shard(s), not ${spec.total}; run with the selection, history and workers the matrix was made from`
    )
  }
  return restrictToIds(selected, graph, shardIds(packing, spec.shard))
}

/** Keeps exactly `ids` (a shard handed over by the matrix job); they must be selected and share no edge with the rest. */
export function restrictToIds<T extends { id: string }>(selected: readonly T[], graph: ExecutionGraph, ids: readonly string[]): ShardSelection<T> {
  const keep = new Set(ids)
  const known = new Set(selected.map((d) => d.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0) throw new Error(`not in the selection: ${unknown.join(', ')}`)
  const dependencies: ExecutionGraph['dependencies'] = new Map()
  for (const [id, deps] of graph.dependencies) {
    for (const dep of deps) {
      // An edge across the boundary means one job would wait for another: refuse rather than misorder.
      if (keep.has(id) !== keep.has(dep)) throw new Error(`${id} depends on ${dep}, which ${keep.has(id) ? 'another shard' : 'this shard'} runs`)
    }
    if (keep.has(id)) dependencies.set(id, new Set(deps))
  }
  return { selected: selected.filter((d) => keep.has(d.id)), graph: { dependencies, levels: executionLevels(dependencies) } }
}
