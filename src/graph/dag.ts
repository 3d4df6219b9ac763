import { sharedSets, type SharedSet } from './shared-sets.js'

/**
 * node -> the nodes it depends on (which must run first). Several nodes may
 * share one Set object (a group: all s3 deployments of an account and region
 * wait for the same kms set); the algorithms here count such a set once, so
 * treat the sets as read-only.
 */
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
 * cycle's path instead of silently running the rest last. Nodes sharing one
 * dependency Set are counted down once (see sharedSets).
 */
export function executionLevels(graph: DependencyGraph, what = 'deployments'): string[][] {
  const { sets, containing } = sharedSets(graph)
  const remaining = sets.map((s) => s.deps.size)
  const levels: string[][] = []
  let ready = sets.filter((s) => s.deps.size === 0).flatMap((s) => s.nodes)
  let placed = 0
  while (ready.length > 0) {
    ready.sort()
    levels.push(ready)
    placed += ready.length
    const next: string[] = []
    for (const node of ready) {
      for (const i of containing.get(node) ?? []) {
        const left = (remaining[i] as number) - 1
        remaining[i] = left
        if (left === 0) next.push(...(sets[i] as SharedSet).nodes)
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

/**
 * The reverse graph: node -> nodes that depend on it. Nodes contained in the
 * same dependency sets get one shared Set of dependents, so a graph with shared
 * sets stays linear in size when reversed. Never mutate the sets.
 */
export function dependentsOf(graph: DependencyGraph): DependencyGraph {
  const { sets, containing } = sharedSets(graph)
  const shared = new Map<string, Set<string>>()
  const none = new Set<string>()
  const reversed: DependencyGraph = new Map()
  for (const node of graph.keys()) {
    const within = containing.get(node)
    if (!within) {
      reversed.set(node, none)
      continue
    }
    const key = within.join(',')
    let dependents = shared.get(key)
    if (!dependents) {
      dependents = new Set(within.flatMap((i) => (sets[i] as SharedSet).nodes))
      shared.set(key, dependents)
    }
    reversed.set(node, dependents)
  }
  return reversed
}
