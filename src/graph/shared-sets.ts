import type { DependencyGraph } from './dag.js'

/** One distinct dependency set and the nodes that wait for exactly it. */
export interface SharedSet {
  deps: ReadonlySet<string>
  nodes: string[]
}

/**
 * The graph grouped by dependency Set objects. buildExecutionGraph gives every
 * deployment of one group (all s3 of an account and region, say) the same Set,
 * so walking sets instead of nodes keeps the work linear where the edges are
 * quadratic (every s3 waits for every kms there).
 */
export interface SharedSets {
  sets: SharedSet[]
  /** node -> indexes (into `sets`) of the sets that contain it. */
  containing: Map<string, number[]>
}

/** Groups `graph` by dependency Set identity; a dependency that is not a node throws. */
export function sharedSets(graph: DependencyGraph): SharedSets {
  const index = new Map<ReadonlySet<string>, number>()
  const sets: SharedSet[] = []
  const containing = new Map<string, number[]>()
  for (const [node, deps] of graph) {
    const known = index.get(deps)
    if (known !== undefined) {
      sets[known]?.nodes.push(node)
      continue
    }
    const i = sets.push({ deps, nodes: [node] }) - 1
    index.set(deps, i)
    for (const dep of deps) {
      if (!graph.has(dep)) throw new Error(`graph: ${node} depends on unknown node ${dep}`)
      const list = containing.get(dep)
      if (list) list.push(i)
      else containing.set(dep, [i])
    }
  }
  return { sets, containing }
}
