import * as core from '@actions/core'
import type { Workspace } from '../app/load-workspace.js'
import { parseRunRequest, type RunRequest } from '../app/run-request.js'
import { historyFileOf, requestWorkers } from '../app/shard-selection.js'
import { loadHistory } from '../engine/duration-history.js'
import { matrixDocument, type MatrixDocument } from '../matrix/matrix-output.js'
import { planMatrix } from '../matrix/plan-matrix.js'
import type { ActionLog } from './action-log.js'

const input = (name: string): string | undefined => core.getInput(name).trim() || undefined

/**
 * Adds the matrix inputs (shards, shard, deployments, summaries-path) to a
 * request, validated by the same schema. A matrix job given `deployments` runs
 * exactly those ids: the base branch readInputs defaults to on pull requests
 * is dropped (no diff, so a shallow checkout does), unless base-ref was given.
 */
export function withFanOutInputs(request: RunRequest): RunRequest {
  const raw = { shard: input('shard'), shards: input('shards'), deployments: input('deployments'), summariesPath: input('summaries-path') }
  if (Object.values(raw).every((v) => v === undefined)) return request
  const { run } = parseRunRequest({ command: 'list', ...raw }, 'action')
  const fanOut = { shard: run.shard, shards: run.shards, deployments: run.deployments, summariesPath: run.summariesPath }
  const own = run.deployments !== undefined && input('base-ref') === undefined && input('changed-files') === undefined
  const selection = own ? { workingDir: request.selection.workingDir, configPath: request.selection.configPath, all: false } : request.selection
  return { ...request, selection, run: { ...request.run, ...fanOut } }
}

/**
 * `command: discover`: the selected deployments split into shards of whole
 * components (as `matrix` prints), set as the outputs `matrix` (for
 * `strategy.matrix: fromJSON(...)`) and `count`, and shown in the job summary.
 */
export async function discoverMatrix(ws: Workspace, request: RunRequest, log: ActionLog, redact: (text: string) => string): Promise<MatrixDocument> {
  const doc = matrixDocument(
    planMatrix({
      graph: ws.graph.dependencies,
      history: await loadHistory(historyFileOf(ws.workingDir)),
      workers: requestWorkers(ws.config, request.run),
      shards: request.run.shards
    })
  )
  core.setOutput('matrix', JSON.stringify(doc.matrix))
  core.setOutput('count', doc.deployments)
  const line = `${doc.deployments} deployment(s) in ${doc.components} independent component(s), split into ${doc.shards} shard(s) of ${doc.workers} worker(s); expected ${doc.expected_makespan_seconds}s (no split is faster than ${doc.lower_bound_seconds}s)`
  log.info(line)
  const rows = doc.matrix.include.map((e) => [String(e.shard), String(e.count), `${e.expected_makespan_seconds}s`, redact(e.deployments.join('<br>'))])
  await core.summary
    .addHeading('tf-orchestrator: matrix', 3)
    .addRaw(redact(line), true)
    .addTable([[{ data: 'shard', header: true }, { data: 'deployments', header: true }, { data: 'expected', header: true }, { data: 'ids', header: true }], ...rows])
    .write()
  return doc
}
