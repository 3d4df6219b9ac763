import type { DependencyGraph } from '../graph/dag.js'
import { criticalPathLengths } from '../schedule/critical-path.js'

/** Most matrix jobs by default: enough to spread a fleet, few enough to leave runners for others. */
export const MAX_DEFAULT_SHARDS = 20

/** One connected component with what it costs to run it in one job. */
export interface ComponentCost {
  ids: string[]
  /** Sum of the deployments' durations (ms). */
  workMs: number
  /** Longest dependency chain, weighted by duration (ms). */
  criticalPathMs: number
  /** What one job with `workers` workers needs at least: max(critical path, work / workers). */
  estimateMs: number
}

/** A shard: whole components that one matrix job runs. */
export interface Shard {
  /** 1-based, as `--shard n/total` takes it. */
  shard: number
  components: ComponentCost[]
  /** max(longest critical path among its components, its work / workers). */
  expectedMakespanMs: number
}

export interface Packing {
  shards: Shard[]
  workers: number
  /** No split into this many shards can finish sooner: max(largest component estimate, all work / (workers x shards)). */
  lowerBoundMs: number
}

/** The cost of running `ids` (one component) in one job: the makespan bound the engine's critical-path scheduler approaches. */
export function componentCost(graph: DependencyGraph, ids: readonly string[], durationMs: (id: string) => number, workers: number): ComponentCost {
  const sub: DependencyGraph = new Map(ids.map((id) => [id, new Set(graph.get(id) ?? [])]))
  let criticalPathMs = 0
  for (const length of criticalPathLengths(sub, durationMs).values()) criticalPathMs = Math.max(criticalPathMs, length)
  const workMs = ids.reduce((sum, id) => sum + durationMs(id), 0)
  return { ids: [...ids], workMs, criticalPathMs, estimateMs: Math.max(criticalPathMs, workMs / workers) }
}

/** Shards to use: the requested count (default min(components, 20)), never more than there are components. */
export function shardCount(components: number, requested?: number): number {
  if (requested !== undefined && (!Number.isInteger(requested) || requested < 1)) throw new Error(`shards must be a whole number of at least 1, got ${requested}`)
  return Math.min(components, requested ?? MAX_DEFAULT_SHARDS)
}

/**
 * LPT packing: components by estimate, longest first (ties by first id), each
 * onto the shard with the smallest expected makespan so far (ties: lowest
 * number). Deterministic, so every matrix job recomputes the same split.
 */
export function packShards(components: readonly ComponentCost[], shards: number, workers: number): Packing {
  const bins = Array.from({ length: shards }, (_, i) => ({ shard: i + 1, components: [] as ComponentCost[], workMs: 0, criticalPathMs: 0, load: 0 }))
  const order = [...components].sort((a, b) => b.estimateMs - a.estimateMs || ((a.ids[0] ?? '') < (b.ids[0] ?? '') ? -1 : 1))
  for (const component of order) {
    let target = bins[0]
    for (const bin of bins) if (target === undefined || bin.load < target.load) target = bin
    if (target === undefined) throw new Error('packShards: no shard to place a component on (shards must be at least 1)')
    target.components.push(component)
    target.workMs += component.workMs
    target.criticalPathMs = Math.max(target.criticalPathMs, component.criticalPathMs)
    // Components in one job share its workers: their work adds up, their critical paths do not.
    target.load = Math.max(target.criticalPathMs, target.workMs / workers)
  }
  const totalWork = components.reduce((sum, c) => sum + c.workMs, 0)
  const largest = components.reduce((max, c) => Math.max(max, c.estimateMs), 0)
  return {
    shards: bins.map((b) => ({ shard: b.shard, components: b.components, expectedMakespanMs: b.load })),
    workers,
    lowerBoundMs: shards === 0 ? 0 : Math.max(largest, totalWork / (workers * shards))
  }
}
