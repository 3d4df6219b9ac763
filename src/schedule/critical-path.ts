import type { DependencyGraph } from '../graph/dag.js'
import { executionLevels } from '../graph/dag.js'
import { sharedSets } from '../graph/shared-sets.js'

/**
 * The longest remaining path from each node to the end of the run, weighting
 * each node by its estimated duration: its own estimate plus the longest path
 * through anything waiting for it. Running the largest first keeps the
 * critical path moving. Linear: the nodes sharing a dependency set are
 * weighed once for each member of that set.
 */
export function criticalPathLengths(graph: DependencyGraph, estimateMs: (id: string) => number): Map<string, number> {
  const { sets, containing } = sharedSets(graph)
  const setOf = new Map<string, number>()
  sets.forEach((s, i) => s.nodes.forEach((node) => setOf.set(node, i)))
  // Per dependency set: the longest path starting at any node that waits for it.
  const longestAfter = sets.map(() => 0)
  const order = executionLevels(graph).flat().reverse()
  const lengths = new Map<string, number>()
  for (const id of order) {
    let longest = 0
    for (const i of containing.get(id) ?? []) longest = Math.max(longest, longestAfter[i] as number)
    const length = estimateMs(id) + longest
    lengths.set(id, length)
    const own = setOf.get(id) as number
    longestAfter[own] = Math.max(longestAfter[own] as number, length)
  }
  return lengths
}

/** max(critical path, total work / workers): no schedule can finish sooner. */
export function makespanLowerBound(graph: DependencyGraph, durationMs: (id: string) => number, workers: number): number {
  const paths = criticalPathLengths(graph, durationMs)
  let critical = 0
  for (const length of paths.values()) critical = Math.max(critical, length)
  const total = [...graph.keys()].reduce((sum, id) => sum + durationMs(id), 0)
  return Math.max(critical, total / workers)
}
