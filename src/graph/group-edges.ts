import { idPattern } from '../model/id-pattern.js'
import type { Deployment } from '../model/deployment.js'
import { printablePath } from '../model/names.js'
import { DependencyConfigError } from './dependency-config-error.js'

/**
 * The full dependency graph in linear size: `succ` maps each deployment id, and
 * each group node, to what it waits for. A group node stands for "every
 * deployment of service X in account A, region R" (or for the targets of one
 * wide explicit rule), so n deployments waiting for m others is n + m edges,
 * not n x m. Group ids start with NUL, which no deployment id contains.
 */
export interface CompactGraph {
  ids: string[]
  succ: Map<string, string[]>
}

export interface EdgeInput {
  all: readonly Deployment[]
  closure: ReadonlyMap<string, ReadonlySet<string>>
  explicit: Readonly<Record<string, readonly string[]>>
  where: (path: (string | number)[]) => string
}

// Below this many edges a rule is written out: a group node would not save anything.
const WIDE_RULE = 64

/** Service edges through one group node per (service, account, region), explicit edges as written. */
export function compactGraph(input: EdgeInput): CompactGraph {
  const ids = input.all.map((d) => d.id)
  const succ = new Map<string, string[]>(ids.map((id) => [id, []]))
  const members = new Map<string, string[]>()
  for (const d of input.all) {
    for (const service of d.services) {
      const key = `\u0000${service}\u0000${d.account}\u0000${d.region}`
      const list = members.get(key)
      if (list) list.push(d.id)
      else members.set(key, [d.id])
    }
  }
  for (const [key, list] of members) succ.set(key, list)
  // Deployments of the same services need the same services: worked out once per combination.
  const needsOf = new Map<string, string[]>()
  for (const d of input.all) {
    const signature = d.services.join('\u0000')
    let needs = needsOf.get(signature)
    if (!needs) needsOf.set(signature, (needs = servicesNeeded(d.services, input.closure)))
    const out = succ.get(d.id) as string[]
    for (const need of needs) {
      const key = `\u0000${need}\u0000${d.account}\u0000${d.region}`
      if (members.has(key)) out.push(key)
    }
  }

  let rules = 0
  for (const [pattern, targets] of Object.entries(input.explicit)) {
    const from = matchIds(ids, pattern, `${input.where([pattern])}deployment_dependencies key ${JSON.stringify(pattern)}`)
    for (const [i, target] of targets.entries()) {
      const to = matchIds(ids, target, `${input.where([pattern, i])}deployment_dependencies.${printablePath(pattern)} entry ${JSON.stringify(target)}`)
      const toSet = new Set(to)
      const hub = from.length * to.length > WIDE_RULE ? `\u0000rule\u0000${rules++}` : undefined
      if (hub) succ.set(hub, to)
      for (const a of from) {
        // A deployment never waits for itself: where it is among the targets, its edges are written out.
        if (hub && !toSet.has(a)) (succ.get(a) as string[]).push(hub)
        else for (const b of to) if (a !== b) (succ.get(a) as string[]).push(b)
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
  const expand = (node: string, into: Set<string>): void => {
    for (const next of graph.succ.get(node) ?? []) {
      if (next.startsWith('\u0000')) expand(next, into)
      else into.add(next)
    }
  }
  return new Map(
    graph.ids.map((id) => {
      const deps = new Set<string>()
      expand(id, deps)
      return [id, deps]
    })
  )
}

function matchIds(ids: readonly string[], pattern: string, where: string): string[] {
  const regex = idPattern(pattern)
  const matched = ids.filter((id) => regex.test(id))
  if (matched.length === 0) throw new DependencyConfigError(`${where} matches no deployment (ids look like ${ids[0] ?? 's3/account/region/project'})`)
  return matched
}
