import { RUNS_PREFIX } from '../audit/audit-keys.js'
import type { RunRecord } from '../audit/audit-record.js'
import type { CiContext } from '../audit/ci-context.js'
import { locate } from '../config/yaml-locations.js'
import { dependentsOf, type DependencyGraph } from '../graph/dag.js'
import { buildExecutionGraph } from '../graph/deployment-graph.js'
import type { DeploymentStatus, RunSummary } from '../model/run-result.js'
import type { ObjectStore } from '../state/object-store.js'
import { storesFor } from '../state/io/state-store-for.js'
import type { Workspace } from './load-workspace.js'

/** The outcomes a re-run picks up again. */
export const RERUN_STATUSES: readonly DeploymentStatus[] = ['failed', 'timed-out', 'blocked', 'skipped']

/** Which earlier run to re-run: an orchestrator run id, or the previous attempt of a GitHub workflow run. */
export type RerunSource = { runId: string } | { githubRunId: string; attempt: number }

/** No run record matched, or a record could not be read. */
export class RerunError extends Error {
  override name = 'RerunError'
}

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)
// `{action}-{YYYYMMDDTHHMMSSZ}-{run id}.json`: the time, so the newest records are read first.
const timeOf = (key: string): string => key.slice(RUNS_PREFIX.length + 1).match(/-(\d{8}T\d{6}Z)-/)?.[1] ?? ''

async function readRecord(objects: ObjectStore, key: string): Promise<RunRecord> {
  const body = await objects.get(key)
  if (!body) throw new RerunError(`run record ${key} disappeared while it was read`)
  try {
    const record = JSON.parse(decode(body)) as RunRecord
    if (record.kind === 'run' && Array.isArray(record.summary?.deployments)) return record
  } catch {}
  throw new RerunError(`${key} in ${objects.location} is not a run record`)
}

/**
 * The summaries of the earlier run from the audit trail's run records
 * (`audit-logs/_runs/`): the run with that id, or every run of the previous
 * attempt of the workflow run (a matrix has one per job). Throws RerunError
 * when there is none.
 */
export async function earlierSummaries(objects: ObjectStore, source: RerunSource, maxRecords = 500): Promise<RunSummary[]> {
  const keys = (await objects.list(`${RUNS_PREFIX}/`)).map((o) => o.key).filter((k) => k.endsWith('.json'))
  if ('runId' in source) {
    const found = keys.filter((k) => k.endsWith(`-${source.runId}.json`))
    if (found.length === 0) throw new RerunError(`no run record of run ${source.runId} in ${objects.location}/${RUNS_PREFIX}/ (it wrote none, or it ran against another state store)`)
    return Promise.all(found.map(async (k) => (await readRecord(objects, k)).summary))
  }
  const previous = source.attempt - 1
  if (previous < 1) throw new RerunError(`workflow run ${source.githubRunId} is on its first attempt: there is no earlier attempt to re-run`)
  const newest = keys.sort((a, b) => timeOf(b).localeCompare(timeOf(a))).slice(0, maxRecords)
  const records = await Promise.all(newest.map((k) => readRecord(objects, k).catch(() => undefined)))
  const matching = records.filter((r) => r?.ci?.runId === source.githubRunId && r.ci.runAttempt === previous)
  if (matching.length === 0) throw new RerunError(`no run record of attempt ${previous} of workflow run ${source.githubRunId} in ${objects.location}/${RUNS_PREFIX}/`)
  return matching.map((r) => (r as RunRecord).summary)
}

/** The deployment ids that failed, timed out, were blocked or were skipped in the earlier run(s). */
export function idsToRerun(summaries: readonly RunSummary[]): string[] {
  const ids = summaries.flatMap((s) => s.deployments.filter((d) => RERUN_STATUSES.includes(d.status)).map((d) => d.id))
  return [...new Set(ids)].sort()
}

/** `ids` and everything that depends on them, transitively, in `graph`. */
export function withDependents(graph: DependencyGraph, ids: readonly string[]): Set<string> {
  const dependents = dependentsOf(graph)
  const seen = new Set<string>()
  const stack = ids.filter((id) => graph.has(id))
  while (stack.length > 0) {
    const id = stack.pop() as string
    if (seen.has(id)) continue
    seen.add(id)
    stack.push(...(dependents.get(id) ?? []))
  }
  return seen
}

/** A workspace narrowed to a re-run, and what of the earlier run is not in the current selection. */
export interface Rerun {
  ws: Workspace
  /** The earlier ids picked up again. */
  from: string[]
  /** Earlier ids no longer in the current selection (deleted, renamed or not selected): not run. */
  missing: string[]
}

/**
 * Narrows the workspace to the deployments the earlier run did not finish
 * (failed, timed out, blocked, skipped) plus their dependents in the current
 * graph, and nothing else; the order is rebuilt among them.
 */
export function narrowToRerun(ws: Workspace, summaries: readonly RunSummary[]): Rerun {
  const from = idsToRerun(summaries)
  const keep = withDependents(ws.graph.dependencies, from)
  const graph = buildExecutionGraph({
    all: ws.discovery.deployments,
    selected: keep,
    serviceDependencies: ws.config.serviceDependencies,
    explicit: ws.config.deployment_dependencies,
    locate: (path) => locate(ws.config.file, ws.config.lines, path)
  })
  const selected = ws.selection.selected.filter((d) => keep.has(d.id))
  return { ws: { ...ws, selection: { ...ws.selection, selected }, graph }, from, missing: from.filter((id) => !ws.graph.dependencies.has(id)) }
}

/** Reads the earlier run from the store and narrows the workspace to what it did not finish. */
export async function rerunFailed(ws: Workspace, objects: ObjectStore, source: RerunSource): Promise<Rerun> {
  return narrowToRerun(ws, await earlierSummaries(objects, source))
}

/** The value that means the previous attempt of this workflow run. */
export const PREVIOUS_ATTEMPT = 'previous-attempt'

/**
 * What `--rerun-failed` / input rerun-failed names: a run id, or
 * `previous-attempt` (also `true`): the previous attempt of the workflow run
 * in `ci`. Undefined when not given; throws RerunError outside a workflow run.
 */
export function rerunSourceOf(value: string | undefined, ci: CiContext | undefined): RerunSource | undefined {
  if (value === undefined) return undefined
  if (value !== PREVIOUS_ATTEMPT && value !== 'true') return { runId: value }
  if (!ci?.runId || ci.runAttempt === undefined) throw new RerunError(`rerun-failed ${value}: not in a GitHub Actions workflow run (GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT)`)
  return { githubRunId: ci.runId, attempt: ci.runAttempt }
}

/**
 * `--rerun-failed <run id | previous-attempt>`: the workspace narrowed to what
 * that run did not finish (unchanged without one); earlier deployments no
 * longer selected are reported through `warn`.
 */
export async function rerunOf(ws: Workspace, value: string | undefined, warn: (message: string) => void, ci?: CiContext): Promise<Workspace> {
  const source = rerunSourceOf(value, ci)
  if (source === undefined) return ws
  const rerun = await rerunFailed(ws, storesFor(ws.workingDir, ws.config).objects, source)
  if (rerun.missing.length > 0) warn(`not in the current selection, not re-run: ${rerun.missing.join(', ')}`)
  return rerun.ws
}
