import { idPattern } from '../model/id-pattern.js'
import type { Deployment } from '../model/deployment.js'
import { printablePath } from '../model/names.js'
import { DependencyConfigError } from './dependency-config-error.js'

/**
 * The full dependency graph in linear size, over node numbers: nodes
 * 0..ids.length-1 are the deployments (in input order), the rest group nodes.
 * `succ` maps each node to the nodes it waits for. A group node stands for
 * "every deployment of service X in account A, region R" (or for the targets
 * of one wide explicit rule), so n deployments waiting for m others is n + m
 * edges, not n x m. Numbers, not ids: a fleet's graph has tens of thousands
 * of nodes, and arrays of numbers cost less than maps of strings.
 */
export interface CompactGraph {
  ids: string[]
  succ: number[][]
}

export interface EdgeInput {
  /** Deployments with unique ids (discovery checks). */
  all: readonly Deployment[]
  closure: ReadonlyMap<string, ReadonlySet<string>>
  explicit: Readonly<Record<string, readonly string[]>>
  where: (path: (string | number)[]) => string
}

// Below this many edges a rule is written out: a group node would not save anything.
const WIDE_RULE = 64

/** Service edges through one group node per (service, account, region), explicit edges as written. */
export function compactGraph(input: EdgeInput): CompactGraph {
  const all = input.all
  const count = all.length
  const ids: string[] = new Array(count)
  const succ: number[][] = new Array(count)
  // account -> region -> service -> its group node: names looked up as they are, no key string built per deployment.
  // Index loops: this runs once per deployment of a fleet, mostly before the JIT has compiled it, where iterators cost.
  const accounts = new Map<string, Map<string, Map<string, number>>>()
  const placeOf: Map<string, number>[] = new Array(count)
  for (let i = 0; i < count; i++) {
    const d = all[i] as Deployment
    ids[i] = d.id
    succ[i] = []
    let regions = accounts.get(d.account)
    if (!regions) accounts.set(d.account, (regions = new Map()))
    let place = regions.get(d.region)
    if (!place) regions.set(d.region, (place = new Map()))
    placeOf[i] = place
    const services = d.services
    for (let k = 0; k < services.length; k++) {
      const service = services[k] as string
      const group = place.get(service)
      if (group === undefined) place.set(service, succ.push([i]) - 1)
      else (succ[group] as number[]).push(i)
    }
  }
  // Deployments of the same services need the same services: worked out once per combination.
  const needsOf = new Map<string, string[]>()
  for (let i = 0; i < count; i++) {
    const services = (all[i] as Deployment).services
    const signature = services.length === 1 ? (services[0] as string) : services.join('\u0000')
    let needs = needsOf.get(signature)
    if (!needs) needsOf.set(signature, (needs = servicesNeeded(services, input.closure)))
    const place = placeOf[i] as Map<string, number>
    const out = succ[i] as number[]
    for (let k = 0; k < needs.length; k++) {
      const group = place.get(needs[k] as string)
      if (group !== undefined) out.push(group)
    }
  }

  for (const [pattern, targets] of Object.entries(input.explicit)) {
    const from = matchIds(ids, pattern, `${input.where([pattern])}deployment_dependencies key ${JSON.stringify(pattern)}`)
    for (const [i, target] of targets.entries()) {
      const to = matchIds(ids, target, `${input.where([pattern, i])}deployment_dependencies.${printablePath(pattern)} entry ${JSON.stringify(target)}`)
      const toSet = new Set(to)
      const hub = from.length * to.length > WIDE_RULE ? succ.push(to) - 1 : undefined
      for (const a of from) {
        // A deployment never waits for itself: where it is among the targets, its edges are written out.
        if (hub !== undefined && !toSet.has(a)) (succ[a] as number[]).push(hub)
        else for (const b of to) if (a !== b) (succ[a] as number[]).push(b)
      }
    }
  }
  return { ids, succ }
}

/** The services `services` need (through `closure`) and do not provide themselves, sorted. */
function servicesNeeded(services: readonly string[], closure: EdgeInput['closure']): string[] {
  const own = new Set(services)
  const needs = new Set<string>()
  for (const service of services) for (const need of closure.get(service) ?? []) if (!own.has(need)) needs.add(need)
  return [...needs].sort()
}

/** The expanded graph (group nodes replaced by their members), for the cycle message. */
export function expandedGraph(graph: CompactGraph): Map<string, Set<string>> {
  const count = graph.ids.length
  const expand = (node: number, into: Set<string>): void => {
    for (const next of graph.succ[node] ?? []) {
      if (next >= count) expand(next, into)
      else into.add(graph.ids[next] as string)
    }
  }
  return new Map(
    graph.ids.map((id, i) => {
      const deps = new Set<string>()
      expand(i, deps)
      return [id, deps]
    })
  )
}

/** The numbers of the deployments whose id matches `pattern`. */
function matchIds(ids: readonly string[], pattern: string, where: string): number[] {
  const regex = idPattern(pattern)
  const matched: number[] = []
  for (const [i, id] of ids.entries()) if (regex.test(id)) matched.push(i)
  if (matched.length === 0) throw new DependencyConfigError(`${where} matches no deployment (ids look like ${ids[0] ?? 's3/account/region/project'})`)
  return matched
}
