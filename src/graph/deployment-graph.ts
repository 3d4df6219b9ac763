import type { Deployment } from '../model/deployment.js'
import { CycleError, findCycle, type DependencyGraph } from './dag.js'
import { DependencyConfigError } from './dependency-config-error.js'
import { compactGraph, expandedGraph } from './group-edges.js'
import { directDependencies } from './reduce-edges.js'
import { topologicalOrder } from './topological-order.js'
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

export { DependencyConfigError }

/**
 * The dependency graph of a run: a deployment waits for the deployments of the
 * services it needs in the same account and region, and for its explicit
 * dependencies. A service a deployment provides itself does not make it wait.
 * Built through group nodes (see compactGraph) so that time and memory grow
 * linearly; deployments with the same direct dependencies share one Set.
 */
export function buildExecutionGraph(input: GraphInput): ExecutionGraph {
  const closure = serviceClosure(input.serviceDependencies)
  const where = (path: (string | number)[]): string => (input.locate ? `${input.locate(['deployment_dependencies', ...path])}: ` : '')
  const compact = compactGraph({ all: input.all, closure, explicit: input.explicit, where })
  const order = topologicalOrder(compact.succ)
  // A full-graph cycle is an error even when the run selects only part of it; it is named as before, deployment by deployment.
  if (!order) throw new CycleError(findCycle(expandedGraph(compact)) ?? [], 'deployments')
  return directDependencies(compact.succ, order, compact.ids, input.selected)
}
