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
  const remaining = new Map<string, number>()
  const dependents = new Map<string, string[]>()
  for (const [node, deps] of succ) {
    remaining.set(node, deps.length)
    for (const dep of deps) {
      const list = dependents.get(dep)
      if (list) list.push(node)
      else dependents.set(dep, [node])
    }
  }
  const order = [...remaining].filter(([, n]) => n === 0).map(([node]) => node)
  for (let i = 0; i < order.length; i++) {
    for (const dependent of dependents.get(order[i] as string) ?? []) {
      const left = (remaining.get(dependent) as number) - 1
      remaining.set(dependent, left)
      if (left === 0) order.push(dependent)
    }
  }
  return order.length === succ.size ? order : undefined
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
