import { findCycle, CycleError, reachable, type DependencyGraph } from './dag.js'

/**
 * Validates service_dependencies (no cycles) and returns, per service, every
 * service it needs directly or transitively, so ordering holds even when an
 * intermediate service has no deployment in a region.
 */
export function serviceClosure(dependencies: Readonly<Record<string, readonly string[]>>): Map<string, Set<string>> {
  const graph: DependencyGraph = new Map()
  for (const [service, needs] of Object.entries(dependencies)) {
    graph.set(service, new Set(needs))
    for (const need of needs) if (!graph.has(need) && !(need in dependencies)) graph.set(need, new Set())
  }
  const cycle = findCycle(graph)
  if (cycle) throw new CycleError(cycle, 'services in service_dependencies')
  return new Map([...graph.keys()].map((service) => [service, reachable(graph, service)]))
}
