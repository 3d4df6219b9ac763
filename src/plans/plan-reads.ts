import { reachable, type DependencyGraph } from '../graph/dag.js'

interface ConfigResource {
  mode?: string
  type?: string
  expressions?: { config?: unknown }
}
interface ConfigModule {
  resources?: ConfigResource[]
  module_calls?: Record<string, { module?: ConfigModule }>
}

/** What a plan reads from outside its own state: data sources, and the literal settings of its terraform_remote_state reads. */
export interface PlanReads {
  readsData: boolean
  /** Every literal string in the config of a terraform_remote_state data source (paths, keys, buckets). */
  remoteStateStrings: string[]
}

const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v as object).flatMap(strings) : []

/** The data sources in plan JSON's `configuration`, through every module call. */
export function planReads(planJson: unknown): PlanReads {
  const root = ((planJson ?? {}) as { configuration?: { root_module?: ConfigModule } }).configuration?.root_module
  const found: PlanReads = { readsData: false, remoteStateStrings: [] }
  const visit = (m: ConfigModule | undefined): void => {
    for (const r of m?.resources ?? []) {
      if (r.mode !== 'data') continue
      found.readsData = true
      if (r.type === 'terraform_remote_state') found.remoteStateStrings.push(...strings(r.expressions?.config))
    }
    for (const call of Object.values(m?.module_calls ?? {})) visit(call.module)
  }
  visit(root)
  return found
}

/** A deployment that applied changes earlier in the same run. */
export interface AppliedUpstream {
  id: string
  stateKey: string
}

/**
 * The deployments applied earlier in this run whose outputs the plan may have
 * read without seeing the new values: its upstream deployments (all applied
 * ones when the upstream is unknown) and any whose state key a
 * terraform_remote_state read names. None when the plan reads no data.
 */
export function unseenUpstream(reads: PlanReads, applied: readonly AppliedUpstream[], self: string, upstream?: readonly string[]): AppliedUpstream[] {
  if (!reads.readsData) return []
  const mine = upstream ? new Set(upstream) : undefined
  return applied.filter((a) => a.id !== self && (!mine || mine.has(a.id) || reads.remoteStateStrings.some((s) => s.includes(a.stateKey))))
}

/** Every deployment's transitive dependencies, for unseenUpstream (from the run's dependency graph). */
export function upstreamOf(graph: DependencyGraph): Record<string, string[]> {
  return Object.fromEntries([...graph.keys()].map((id) => [id, [...reachable(graph, id)].sort()]))
}
