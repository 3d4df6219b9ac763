import { join } from 'node:path'
import type { Config } from '../config/parse-config.js'
import { locate } from '../config/yaml-locations.js'
import { loadHistory } from '../engine/duration-history.js'
import { buildExecutionGraph } from '../graph/deployment-graph.js'
import { MATRIX_DEFAULT_WORKERS } from '../matrix/plan-matrix.js'
import { parseShardSpec, restrictToIds, selectShard, type ShardSpec } from '../matrix/select-shard.js'
import type { Workspace } from './load-workspace.js'

/** A matrix job's share, as the flags / inputs give it. */
export interface ShardRequest {
  /** `n/total`, or `n` with `shards`. */
  shard?: string
  /** Total shards when `shard` is a bare number (the discover job's `shards`). */
  shards?: number
  /** Deployment ids (comma, space or newline separated), as the discover job handed them over. */
  deployments?: string
  /** Run options the split depends on: a shard recomputes the matrix with the same workers. */
  maxWorkers?: number
  parallel?: boolean
}

/** Workers each matrix job is planned with: flag, configuration, else a fixed default (never the CPU count: every job must agree). */
export function matrixWorkers(config: Config, flag?: number): number {
  if (flag !== undefined) return flag
  return config.parallel ? (config.max_workers ?? MATRIX_DEFAULT_WORKERS) : 1
}

/** The history file a workspace's runs record durations in (the matrix weighs shards by it). */
export const historyFileOf = (workingDir: string): string => join(workingDir, '.tf-orchestrator', 'history.json')

/** The workers a request plans shards with: `parallel: false` means one. */
export const requestWorkers = (config: Config, r: Pick<ShardRequest, 'maxWorkers' | 'parallel'>): number => matrixWorkers(config, r.parallel === false ? 1 : r.maxWorkers)

/** `n/total`, or `n` plus the shard count. */
export function shardSpecOf(shard: string, shards?: number): ShardSpec {
  if (shard.includes('/')) return parseShardSpec(shard)
  if (shards === undefined) throw new Error(`shard ${shard}: say how many shards there are (shard n/total, or shards)`)
  return parseShardSpec(`${shard}/${shards}`)
}

/** The ids of a deployments list: comma, space or newline separated. */
export const idsOf = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean)

/**
 * Narrows a loaded workspace to one matrix job's share; unchanged without
 * `shard` or `deployments`. `shard` recomputes the discover job's split (same
 * selection, history and workers) and keeps one shard. `deployments` keeps
 * exactly those ids: within a change selection they must share no edge with
 * the rest of it; within `all` (an apply job that did not diff again) their
 * order is rebuilt among themselves, as the discover job's selection had it.
 */
export async function narrowToShard(ws: Workspace, request: ShardRequest): Promise<Workspace> {
  if (request.shard === undefined && request.deployments === undefined) return ws
  if (request.deployments !== undefined) {
    const ids = [...new Set(idsOf(request.deployments))]
    if (ids.length === 0) throw new Error('deployments: no deployment id given')
    if (ws.changes !== 'all') return narrowed(ws, restrictToIds(ws.selection.selected, ws.graph, ids))
    const known = new Set(ws.selection.selected.map((d) => d.id))
    const unknown = ids.filter((id) => !known.has(id))
    if (unknown.length > 0) throw new Error(`not in the selection: ${unknown.join(', ')}`)
    const graph = buildExecutionGraph({
      all: ws.discovery.deployments,
      selected: new Set(ids),
      serviceDependencies: ws.config.serviceDependencies,
      explicit: ws.config.deployment_dependencies,
      locate: (path) => locate(ws.config.file, ws.config.lines, path)
    })
    const keep = new Set(ids)
    return narrowed(ws, { selected: ws.selection.selected.filter((d) => keep.has(d.id)), graph })
  }
  const spec = shardSpecOf(request.shard as string, request.shards)
  const history = await loadHistory(historyFileOf(ws.workingDir))
  return narrowed(ws, selectShard(ws.selection.selected, ws.graph, history, spec, requestWorkers(ws.config, request)))
}

const narrowed = (ws: Workspace, part: { selected: Workspace['selection']['selected']; graph: Workspace['graph'] }): Workspace => ({
  ...ws,
  selection: { ...ws.selection, selected: part.selected },
  graph: part.graph
})
