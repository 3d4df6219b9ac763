import type { DependencyGraph } from '../graph/dag.js'
import { dependentsOf, executionLevels } from '../graph/dag.js'

/**
 * The longest remaining path from each node to the end of the run, weighting
 * each node by its estimated duration: its own estimate plus the longest path
 * through anything waiting for it. Running the largest first keeps the
 * critical path moving.
 */
export function criticalPathLengths(graph: DependencyGraph, estimateMs: (id: string) => number): Map<string, number> {
  const dependents = dependentsOf(graph)
  const order = executionLevels(graph).flat().reverse()
  const lengths = new Map<string, number>()
  for (const id of order) {
    let longest = 0
    for (const d of dependents.get(id) ?? []) longest = Math.max(longest, lengths.get(d) ?? 0)
    lengths.set(id, estimateMs(id) + longest)
  }
  return lengths
}

/** max(critical path, total work / workers): no schedule can finish sooner. */
export function makespanLowerBound(graph: DependencyGraph, durationMs: (id: string) => number, workers: number): number {
  const paths = criticalPathLengths(graph, durationMs)
  const critical = Math.max(0, ...paths.values())
  const total = [...graph.keys()].reduce((sum, id) => sum + durationMs(id), 0)
  return Math.max(critical, total / workers)
}
