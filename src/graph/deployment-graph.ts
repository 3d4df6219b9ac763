import { idPattern } from '../model/id-pattern.js'
import type { Deployment } from '../model/deployment.js'
import { printablePath } from '../model/names.js'
import { executionLevels, reachable, type DependencyGraph } from './dag.js'
import { serviceClosure } from './service-dependencies.js'

export interface GraphInput {
  /** Every discovered deployment (edges through unselected ones still order the selected). */
  all: readonly Deployment[]
  /** The ids that run; defaults to all. */
  selected?: ReadonlySet<string>
  serviceDependencies: Readonly<Record<string, readonly string[]>>
  /** Explicit edges: deployment id (or `*` glob) -> ids (or globs) it needs first. */
  explicit: Readonly<Record<string, readonly string[]>>
  /** `file:line` of a configuration key path, to name where an explicit edge is written. */
  locate?: (path: readonly (string | number)[]) => string
}

export interface ExecutionGraph {
  /** selected id -> selected ids it waits for. */
  dependencies: DependencyGraph
  levels: string[][]
}

/** Raised for an explicit dependency that names no deployment. */
export class DependencyConfigError extends Error {
  override name = 'DependencyConfigError'
}

/**
 * The dependency graph of a run: a deployment waits for the deployments of the
 * services it needs in the same account and region, and for its explicit
 * dependencies. A service a deployment provides itself does not make it wait.
 */
export function buildExecutionGraph(input: GraphInput): ExecutionGraph {
  const closure = serviceClosure(input.serviceDependencies)
  const full: DependencyGraph = new Map(input.all.map((d) => [d.id, new Set<string>()]))
  const byScope = groupBy(input.all, (d) => `${d.account}\u0000${d.region}`)

  for (const deployment of input.all) {
    const own = new Set(deployment.services)
    const needs = new Set<string>()
    for (const service of deployment.services) for (const need of closure.get(service) ?? []) if (!own.has(need)) needs.add(need)
    if (needs.size === 0) continue
    for (const other of byScope.get(`${deployment.account}\u0000${deployment.region}`) ?? []) {
      if (other.id !== deployment.id && other.services.some((s) => needs.has(s))) full.get(deployment.id)?.add(other.id)
    }
  }

  const ids = input.all.map((d) => d.id)
  const where = (path: (string | number)[]): string => (input.locate ? `${input.locate(['deployment_dependencies', ...path])}: ` : '')
  for (const [pattern, targets] of Object.entries(input.explicit)) {
    const from = matchIds(ids, pattern, `${where([pattern])}deployment_dependencies key ${JSON.stringify(pattern)}`)
    for (const [i, target] of targets.entries()) {
      const to = matchIds(ids, target, `${where([pattern, i])}deployment_dependencies.${printablePath(pattern)} entry ${JSON.stringify(target)}`)
      for (const a of from) for (const b of to) if (a !== b) full.get(a)?.add(b)
    }
  }

  // A full-graph cycle is an error even when the run selects only part of it.
  executionLevels(full)
  const selected = input.selected ?? new Set(ids)
  const closures = new Map<string, Set<string>>()
  for (const id of ids) {
    if (selected.has(id)) closures.set(id, new Set([...reachable(full, id)].filter((dep) => selected.has(dep))))
  }
  // Keep direct edges only: drop a dependency that another dependency already waits for.
  const dependencies: DependencyGraph = new Map()
  for (const [id, deps] of closures) {
    const direct = [...deps].filter((dep) => ![...deps].some((other) => other !== dep && closures.get(other)?.has(dep)))
    dependencies.set(id, new Set(direct))
  }
  return { dependencies, levels: executionLevels(dependencies) }
}

function matchIds(ids: readonly string[], pattern: string, where: string): string[] {
  const regex = idPattern(pattern)
  const matched = ids.filter((id) => regex.test(id))
  if (matched.length === 0) throw new DependencyConfigError(`${where} matches no deployment (ids look like ${ids[0] ?? 's3/account/region/project'})`)
  return matched
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}
