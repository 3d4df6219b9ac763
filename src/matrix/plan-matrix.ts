import type { DependencyGraph } from '../graph/dag.js'
import { DEFAULT_ESTIMATE_MS } from '../engine/run-settings.js'
import { connectedComponents } from './components.js'
import { componentCost, packShards, shardCount, type Packing } from './pack-shards.js'

/**
 * Workers a matrix job is assumed to have when neither flag nor configuration
 * says: a fixed figure (not the CPU count) so every job recomputes the same split.
 */
export const MATRIX_DEFAULT_WORKERS = 5

export interface MatrixInput {
  /** The selected deployments' execution graph (selected id -> selected ids it waits for). */
  graph: DependencyGraph
  /** Recorded durations (ms) per deployment id; unknown ids cost DEFAULT_ESTIMATE_MS. */
  history: Readonly<Record<string, number>>
  workers: number
  /** Requested shard count; default min(components, 20). */
  shards?: number
}

/** Splits the selected deployments into shards of whole components, packed by expected duration. */
export function planMatrix(input: MatrixInput): Packing {
  if (!Number.isInteger(input.workers) || input.workers < 1) throw new Error(`workers must be a whole number of at least 1, got ${input.workers}`)
  const durationMs = (id: string): number => {
    const recorded = input.history[id]
    // A corrupt history entry must not make a deployment look free.
    return typeof recorded === 'number' && Number.isFinite(recorded) && recorded >= 0 ? recorded : DEFAULT_ESTIMATE_MS
  }
  const components = connectedComponents(input.graph).map((ids) => componentCost(input.graph, ids, durationMs, input.workers))
  return packShards(components, shardCount(components.length, input.shards), input.workers)
}

/** The deployment ids of one shard, sorted. */
export function shardIds(packing: Packing, shard: number): string[] {
  const found = packing.shards.find((s) => s.shard === shard)
  if (!found) throw new Error(`shard ${shard} does not exist: there are ${packing.shards.length} shard(s)`)
  return found.components.flatMap((c) => c.ids).sort()
}
