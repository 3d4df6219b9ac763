import * as core from '@actions/core'
import { resolve } from 'node:path'
import { readEnvironment, type Environment } from '../app/environment.js'
import { loadWorkspace, type Workspace } from '../app/load-workspace.js'
import { runSettings, withPolicyMode } from '../app/resolve-run-settings.js'
import { engineCommand, runsDeployments } from '../app/run-request.js'
import { runFailed } from '../app/start-run.js'
import { executionPlan, renderExecutionPlan } from '../cli/execution-plan.js'
import { RedactionBook } from '../github/io/redaction-book.js'
import { renderDeploymentList } from '../render/deployment-list.js'
import { graphJson, renderGraphMermaid, renderGraphText } from '../render/graph-render.js'
import { stateStoreFor } from '../state/io/state-store-for.js'
import { resolveBinary } from '../terraform/io/check-binary.js'
import { actionLog } from './action-log.js'
import { annotationFor, locationOf } from './annotations.js'
import { prepareRun } from './credentials.js'
import { driftedDeployments, driftFailure } from './drift.js'
import { readGitHubInputs, readInputs } from './inputs.js'
import { discoverMatrix, withFanOutInputs } from './discover.js'
import { mergeShardSummaries } from './merge-summaries.js'
import { narrowToShard } from '../app/shard-selection.js'
import { runDeployments } from './run-deployments.js'
import { releaseLocksOfClosedPullRequest } from './release-locks.js'
import { rerunOf } from '../app/rerun-failed.js'
import { ciContextFromEnv } from '../audit/ci-context.js'
import { reviewSettingsOf } from '../plans/review-settings.js'
import { EMPTY_OUTPUTS, setOutputs } from './step-outputs.js'

/** The action's entry point; everything below throws, only this reports failure. */
export async function run(env: Environment = readEnvironment()): Promise<void> {
  const repoRoot = env.githubWorkspace ?? process.cwd()
  // The run's one redaction function: every line, annotation and upload below goes through it.
  const book = new RedactionBook((value) => core.setSecret(value))
  const log = actionLog(book.redact)
  let workingDir = process.cwd()
  setOutputs(EMPTY_OUTPUTS)
  try {
    const request = withFanOutInputs(readInputs(env))
    const github = readGitHubInputs()
    if (github.token) core.setSecret(github.token)
    workingDir = resolve(request.selection.workingDir)
    const { command } = request
    if (command === 'merge-summaries') return await mergeShardSummaries(request, { env, github, book, log })
    if (command === 'release-locks') return await releaseLocksOfClosedPullRequest(request, env, log)
    const shard = await narrowToShard(await loadWorkspace({ ...request.selection, requireDeployments: runsDeployments(command) }), request.run)
    const loaded = await rerunOf(shard, request.run.rerunFailed, (message) => log.warning(`rerun-failed: ${message}`), ciContextFromEnv(env.workflow))
    const ws: Workspace = { ...loaded, config: withPolicyMode(loaded.config, request.run.policyMode) }
    for (const w of ws.warnings) log.warning(w.message, annotationFor(repoRoot, ws.workingDir, w.file, 'line' in w && typeof w.line === 'number' ? w.line : undefined))
    for (const r of ws.selection.removed) log.warning(r.text, annotationFor(repoRoot, ws.workingDir, r.file))
    const labels = new Map(ws.discovery.deployments.map((d) => [d.id, d]))
    log.info(renderDeploymentList(ws.selection.selected, ws.selection.removed))
    log.info(renderGraphText(ws.graph, labels))
    const selection = { ...EMPTY_OUTPUTS, count: ws.selection.selected.length, deployments: ws.selection.selected, removed: ws.selection.removed, graph: graphJson(ws.graph, labels) }
    setOutputs(selection)
    if (command === 'discover') return void (await discoverMatrix(ws, request, log, book.redact))
    if (!runsDeployments(command)) {
      const text = `${ws.selection.selected.length} deployment(s) selected in ${ws.graph.levels.length} level(s).`
      await core.summary.addHeading('tf-orchestrator', 3).addRaw(book.redact(text), true).addCodeBlock(book.redact(renderGraphMermaid(ws.graph, labels)), 'mermaid').write()
      return
    }
    const review = command === 'drift' ? undefined : reviewSettingsOf(engineCommand(command), request.run.review, ws.graph.dependencies, request.run.planRetentionDays)
    const settings = { ...runSettings(ws.workingDir, ws.config, engineCommand(command), request.run, env), ...(review ? { review } : {}) }
    if (request.run.dryRun) {
      const plan = executionPlan(ws, settings, await resolveBinary(settings.binary, settings.env), stateStoreFor(ws.workingDir, ws.config))
      return log.info(renderExecutionPlan(plan, ws))
    }
    if (ws.selection.selected.length === 0) return log.info('No deployments selected: nothing to do.')
    // Credentials first (a misconfigured OIDC fails before anything runs), then the plugin cache.
    const prepared = await prepareRun(ws, settings, env)
    // A matrix shard does not comment: the merge job posts the one comment for all shards.
    const shardJob = request.run.shard !== undefined || request.run.deployments !== undefined
    const { summary, drift } = await runDeployments(ws, settings, { command, env, inputs: github, book, log, shardJob, ...prepared })
    const drifted = command === 'drift' ? driftedDeployments(summary, drift) : []
    setOutputs({ ...selection, hasChanges: summary.deployments.some((d) => d.hasChanges), summaryFile: `${settings.runDir}/summary.json`, drifted })
    const failures: string[] = []
    if (runFailed(summary)) {
      const t = summary.totals
      failures.push(`${t.failed} failed, ${t.blocked} blocked, ${t.timedOut} timed out, ${t.skipped} skipped${summary.cancelled ? ', run cancelled' : ''}`)
    }
    const driftText = command === 'drift' ? driftFailure(drifted, github.failOnDrift) : undefined
    if (driftText) failures.push(driftText)
    else if (drifted.length > 0) log.warning(`drift in ${drifted.length} deployment(s): ${drifted.join(', ')}`)
    if (failures.length > 0) {
      log.error(failures.join('; '))
      process.exitCode = core.ExitCode.Failure
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const where = locationOf(message)
    log.error(message, where ? annotationFor(repoRoot, workingDir, where.file, where.line) : {})
    process.exitCode = core.ExitCode.Failure
  }
}
