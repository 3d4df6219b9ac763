import type { DependencyGraph } from './dag.js'

interface Reach {
  /** Selected deployments reachable from the node. */
  closure: ReadonlySet<number>
  /** Those of them reachable through another selected one: not direct dependencies. */
  covered: ReadonlySet<number>
}

const NOTHING: Reach = { closure: new Set(), covered: new Set() }

/**
 * The direct dependencies of each selected deployment among the selected: all
 * it reaches (through unselected deployments and group nodes too), minus what
 * it reaches only through another selected one. Deployments that wait for the
 * same things get the same Set object, so a group of n deployments waiting for
 * m others costs n + m, not n x m. `order` is topologicalOrder(succ); nodes
 * below ids.length are the deployments. Also the execution levels: each
 * level's ids sorted, a deployment one level after its latest dependency.
 */
export function directDependencies(
  succ: readonly (readonly number[])[],
  order: Int32Array,
  ids: readonly string[],
  selected: ReadonlySet<string> | undefined
): { dependencies: DependencyGraph; levels: string[][] } {
  const count = ids.length
  const chosen = new Uint8Array(count)
  for (let i = 0; i < count; i++) if (!selected || selected.has(ids[i] as string)) chosen[i] = 1
  const reach: Reach[] = new Array(succ.length)
  // Deployments with the same targets share one Reach; a group node's members are its own, so it is not looked up.
  const byTargets = new Map<string, Reach>()
  for (let k = 0; k < order.length; k++) {
    const node = order[k] as number
    const targets = succ[node] as readonly number[]
    const only = targets[0]
    if (only === undefined) reach[node] = NOTHING
    else if (targets.length === 1 && !(only < count && chosen[only] === 1)) reach[node] = reach[only] as Reach
    else if (node >= count) reach[node] = reachThrough(targets, reach, chosen)
    else {
      const key = targets.join(',')
      let known = byTargets.get(key)
      if (!known) byTargets.set(key, (known = reachThrough(targets, reach, chosen)))
      reach[node] = known
    }
  }
  // One Set (and one level) per distinct Reach, shared by every deployment that has it.
  const direct = new Map<Reach, Direct>()
  const directOf: Direct[] = new Array(count)
  const dependencies: DependencyGraph = new Map()
  for (let i = 0; i < count; i++) {
    if (chosen[i] !== 1) continue
    const r = reach[i] as Reach
    let deps = direct.get(r)
    if (!deps) {
      const nodes = [...r.closure].filter((dep) => !r.covered.has(dep))
      direct.set(r, (deps = { ids: new Set(nodes.map((dep) => ids[dep] as string)), nodes, level: -1 }))
    }
    directOf[i] = deps
    dependencies.set(ids[i] as string, deps.ids)
  }
  const levelOf = new Int32Array(count)
  const levels: string[][] = []
  for (let k = 0; k < order.length; k++) {
    const node = order[k] as number
    if (node >= count || chosen[node] !== 1) continue
    const deps = directOf[node] as Direct
    if (deps.level < 0) deps.level = deps.nodes.reduce((level, dep) => Math.max(level, (levelOf[dep] as number) + 1), 0)
    levelOf[node] = deps.level
    ;(levels[deps.level] ??= []).push(ids[node] as string)
  }
  for (const level of levels) level.sort()
  return { dependencies, levels }
}

interface Direct {
  ids: Set<string>
  nodes: number[]
  level: number
}

function reachThrough(targets: readonly number[], reach: readonly Reach[], chosen: Uint8Array): Reach {
  const closure = new Union()
  const covered = new Union()
  for (let k = 0; k < targets.length; k++) {
    const target = targets[k] as number
    const r = reach[target] as Reach
    closure.add(r.closure)
    if (target < chosen.length && chosen[target] === 1) {
      closure.items.add(target)
      covered.add(r.closure)
    } else covered.add(r.covered)
  }
  return { closure: closure.items, covered: covered.items }
}

/** A union of sets that adds each set once: members of a group often share one Reach, so one set comes many times in a row. */
class Union {
  readonly items = new Set<number>()
  private last: ReadonlySet<number> | undefined
  private seen: Set<ReadonlySet<number>> | undefined

  add(from: ReadonlySet<number>): void {
    if (from.size === 0 || from === this.last) return
    if (this.last !== undefined) {
      this.seen ??= new Set([this.last])
      if (this.seen.has(from)) return
      this.seen.add(from)
    }
    this.last = from
    for (const x of from) this.items.add(x)
  }
}
