import type { DependencyGraph } from '../graph/dag.js'

/**
 * Weakly connected components of a dependency graph: deployments linked by any
 * edge, in either direction and whatever accounts or regions it joins, share a
 * component. Each component is sorted; components are ordered by their first id,
 * so the same graph always gives the same list.
 */
export function connectedComponents(graph: DependencyGraph): string[][] {
  const parent = new Map<string, string>()
  const find = (node: string): string => {
    let root = node
    while (parent.get(root) !== root) root = parent.get(root) as string
    // Path compression keeps 500-node fleets linear in practice.
    let current = node
    while (current !== root) {
      const next = parent.get(current) as string
      parent.set(current, root)
      current = next
    }
    return root
  }
  const add = (node: string): void => void (parent.has(node) || parent.set(node, node))
  for (const [node, deps] of graph) {
    add(node)
    for (const dep of deps) {
      add(dep)
      const a = find(node)
      const b = find(dep)
      // The smaller id becomes the root: the union order cannot change the result.
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b)
    }
  }
  const groups = new Map<string, string[]>()
  for (const node of parent.keys()) {
    const root = find(node)
    groups.set(root, [...(groups.get(root) ?? []), node])
  }
  const components = [...groups.values()].map((ids) => ids.sort())
  return components.sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : 1))
}
