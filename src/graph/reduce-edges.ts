import type { DependencyGraph } from './dag.js'

interface Reach {
  /** Selected deployments reachable from the node. */
  closure: ReadonlySet<string>
  /** Those of them reachable through another selected one: not direct dependencies. */
  covered: ReadonlySet<string>
}

const NOTHING: Reach = { closure: new Set(), covered: new Set() }

/** The nodes of `succ` with every node after what it waits for, or undefined when there is a cycle. */
export function topologicalOrder(succ: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  // Kahn's algorithm over node numbers: a fleet's graph has tens of thousands of nodes, and arrays cost less than maps of them.
  const nodes = [...succ.keys()]
  const number = new Map<string, number>()
  for (const [i, node] of nodes.entries()) number.set(node, i)
  const remaining = new Int32Array(nodes.length)
  const dependents: number[][] = nodes.map(() => [])
  for (const [i, node] of nodes.entries()) {
    const deps = succ.get(node) as readonly string[]
    remaining[i] = deps.length
    for (const dep of deps) {
      const d = number.get(dep)
      // A dependency that is not a node never counts down: the order comes out short (undefined).
      if (d !== undefined) dependents[d]?.push(i)
    }
  }
  const order: number[] = []
  for (let i = 0; i < nodes.length; i++) if (remaining[i] === 0) order.push(i)
  for (let k = 0; k < order.length; k++) {
    for (const dependent of dependents[order[k] as number] as number[]) {
      remaining[dependent] = (remaining[dependent] as number) - 1
      if (remaining[dependent] === 0) order.push(dependent)
    }
  }
  return order.length === nodes.length ? order.map((i) => nodes[i] as string) : undefined
}

/**
 * The direct dependencies of each selected deployment among the selected: all
 * it reaches (through unselected deployments and group nodes too), minus what
 * it reaches only through another selected one. Deployments that wait for the
 * same things get the same Set object, so a group of n deployments waiting for
 * m others costs n + m, not n x m. `order` is topologicalOrder(succ).
 */
export function directDependencies(succ: ReadonlyMap<string, readonly string[]>, order: readonly string[], ids: readonly string[], selected: ReadonlySet<string>): DependencyGraph {
  const reach = new Map<string, Reach>()
  const byTargets = new Map<string, Reach>()
  for (const node of order) {
    const targets = succ.get(node) ?? []
    const only = targets[0]
    if (only === undefined) reach.set(node, NOTHING)
    else if (targets.length === 1 && !selected.has(only)) reach.set(node, reach.get(only) as Reach)
    else {
      const key = targets.join('\n')
      let known = byTargets.get(key)
      if (!known) byTargets.set(key, (known = reachThrough(targets, reach, selected)))
      reach.set(node, known)
    }
  }
  const direct = new Map<Reach, Set<string>>()
  const dependencies: DependencyGraph = new Map()
  for (const id of ids) {
    if (!selected.has(id)) continue
    const r = reach.get(id) as Reach
    let deps = direct.get(r)
    if (!deps) direct.set(r, (deps = new Set([...r.closure].filter((dep) => !r.covered.has(dep)))))
    dependencies.set(id, deps)
  }
  return dependencies
}

function reachThrough(targets: readonly string[], reach: ReadonlyMap<string, Reach>, selected: ReadonlySet<string>): Reach {
  const closure = new Set<string>()
  const covered = new Set<string>()
  // Members of a group often share one Reach: add each shared set once.
  const intoClosure = new Set<ReadonlySet<string>>()
  const intoCovered = new Set<ReadonlySet<string>>()
  const add = (into: Set<string>, seen: Set<ReadonlySet<string>>, from: ReadonlySet<string>): void => {
    if (from.size === 0 || seen.has(from)) return
    seen.add(from)
    for (const x of from) into.add(x)
  }
  for (const target of targets) {
    const r = reach.get(target) as Reach
    add(closure, intoClosure, r.closure)
    if (selected.has(target)) {
      closure.add(target)
      add(covered, intoCovered, r.closure)
    } else add(covered, intoCovered, r.covered)
  }
  return { closure, covered }
}
