// The graph builder as it was before group nodes (quadratic edges), kept as the
// reference the linear one must match exactly.
import { CycleError, findCycle, reachable, type DependencyGraph } from '../../src/graph/dag.js'
import { serviceClosure } from '../../src/graph/service-dependencies.js'
import type { Deployment } from '../../src/model/deployment.js'
import { idPattern } from '../../src/model/id-pattern.js'

/** Kahn's levels over plain per-node sets, as before. */
export function referenceLevels(graph: DependencyGraph): string[][] {
  const remaining = new Map<string, number>()
  const dependents = new Map<string, string[]>()
  for (const [node, deps] of graph) {
    remaining.set(node, deps.size)
    for (const dep of deps) dependents.set(dep, [...(dependents.get(dep) ?? []), node])
  }
  const levels: string[][] = []
  let ready = [...remaining].filter(([, n]) => n === 0).map(([node]) => node)
  while (ready.length > 0) {
    ready.sort()
    levels.push(ready)
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
  const placed = levels.reduce((n, l) => n + l.length, 0)
  if (placed < graph.size) throw new CycleError(findCycle(graph) ?? [], 'deployments')
  return levels
}

/** The old buildExecutionGraph: every edge written out, closures and reduction per deployment. */
export function referenceGraph(input: {
  all: readonly Deployment[]
  selected?: ReadonlySet<string>
  serviceDependencies: Readonly<Record<string, readonly string[]>>
  explicit: Readonly<Record<string, readonly string[]>>
}): { dependencies: DependencyGraph; levels: string[][] } {
  const closure = serviceClosure(input.serviceDependencies)
  const full: DependencyGraph = new Map(input.all.map((d) => [d.id, new Set<string>()]))
  for (const deployment of input.all) {
    const own = new Set(deployment.services)
    const needs = new Set<string>()
    for (const service of deployment.services) for (const need of closure.get(service) ?? []) if (!own.has(need)) needs.add(need)
    for (const other of input.all) {
      if (other.account !== deployment.account || other.region !== deployment.region) continue
      if (other.id !== deployment.id && other.services.some((s) => needs.has(s))) full.get(deployment.id)?.add(other.id)
    }
  }
  const ids = input.all.map((d) => d.id)
  for (const [pattern, targets] of Object.entries(input.explicit)) {
    const from = ids.filter((id) => idPattern(pattern).test(id))
    for (const target of targets) {
      const to = ids.filter((id) => idPattern(target).test(id))
      for (const a of from) for (const b of to) if (a !== b) full.get(a)?.add(b)
    }
  }
  referenceLevels(full)
  const selected = input.selected ?? new Set(ids)
  const closures = new Map<string, Set<string>>()
  for (const id of ids) if (selected.has(id)) closures.set(id, new Set([...reachable(full, id)].filter((dep) => selected.has(dep))))
  const dependencies: DependencyGraph = new Map()
  for (const [id, deps] of closures) {
    dependencies.set(id, new Set([...deps].filter((dep) => ![...deps].some((other) => other !== dep && closures.get(other)?.has(dep)))))
  }
  return { dependencies, levels: referenceLevels(dependencies) }
}

/** A graph as plain data: ids in map order, each with its sorted dependencies. */
export const plain = (graph: DependencyGraph): [string, string[]][] => [...graph].map(([id, deps]) => [id, [...deps].sort()])
