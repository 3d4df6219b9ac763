/** node -> the nodes it depends on (which must run first). */
export type DependencyGraph = Map<string, Set<string>>

/** A dependency cycle; `cycle` is the path, first node repeated at the end. */
export class CycleError extends Error {
  override name = 'CycleError'
  constructor(
    readonly cycle: string[],
    what: string
  ) {
    super(`dependency cycle between ${what}: ${cycle.join(' -> ')}`)
  }
}

/**
 * Kahn's algorithm: execution levels, where every node's dependencies are in
 * earlier levels. Nodes within a level are sorted. Throws CycleError with the
 * cycle's path instead of silently running the rest last.
 */
export function executionLevels(graph: DependencyGraph, what = 'deployments'): string[][] {
  const remaining = new Map<string, number>()
  const dependents = new Map<string, string[]>()
  for (const [node, deps] of graph) {
    remaining.set(node, deps.size)
    for (const dep of deps) {
      if (!graph.has(dep)) throw new Error(`graph: ${node} depends on unknown node ${dep}`)
      dependents.set(dep, [...(dependents.get(dep) ?? []), node])
    }
  }
  const levels: string[][] = []
  let ready = [...remaining].filter(([, n]) => n === 0).map(([node]) => node)
  let placed = 0
  while (ready.length > 0) {
    ready.sort()
    levels.push(ready)
    placed += ready.length
    const next: string[] = []
    for (const node of ready) {
      for (const dependent of dependents.get(node) ?? []) {
        const left = (remaining.get(dependent) as number) - 1
        remaining.set(dependent, left)
        if (left === 0) next.push(dependent)
      }
    }
    ready = next
  }
  if (placed < graph.size) {
    const cycle = findCycle(graph)
    throw new CycleError(cycle ?? [], what)
  }
  return levels
}

/** One cycle in the graph as a path (first node repeated at the end), or undefined. */
export function findCycle(graph: DependencyGraph): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'visiting')
    stack.push(node)
    for (const dep of [...(graph.get(node) ?? [])].sort()) {
      if (state.get(dep) === 'visiting') return [...stack.slice(stack.indexOf(dep)), dep]
      if (state.get(dep) === undefined) {
        const found = visit(dep)
        if (found) return found
      }
    }
    stack.pop()
    state.set(node, 'done')
    return undefined
  }
  for (const node of [...graph.keys()].sort()) {
    if (state.get(node) === undefined) {
      const found = visit(node)
      if (found) return found
    }
  }
  return undefined
}

/** Every node reachable from `start` through dependencies (not including start). */
export function reachable(graph: DependencyGraph, start: string): Set<string> {
  const seen = new Set<string>()
  const stack = [...(graph.get(start) ?? [])]
  while (stack.length > 0) {
    const node = stack.pop() as string
    if (seen.has(node)) continue
    seen.add(node)
    stack.push(...(graph.get(node) ?? []))
  }
  return seen
}

/** The reverse graph: node -> nodes that depend on it. */
export function dependentsOf(graph: DependencyGraph): DependencyGraph {
  const reversed: DependencyGraph = new Map([...graph.keys()].map((node) => [node, new Set<string>()]))
  for (const [node, deps] of graph) for (const dep of deps) reversed.get(dep)?.add(node)
  return reversed
}
