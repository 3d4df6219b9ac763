import * as core from '@actions/core'
import { resolve } from 'node:path'
import { renderDeploymentList } from '../render/deployment-list.js'
import { graphJson, renderGraphMermaid, renderGraphText } from '../render/graph-render.js'
import { renderRunMarkdown } from '../render/run-markdown.js'
import { renderRunTable } from '../render/run-table.js'
import { stripAnsi } from '../render/strip-ansi.js'
import { progressObserver } from '../engine/observers/progress-observer.js'
import type { RunSettings } from '../engine/run-settings.js'
import { stateStoreFor } from '../state/io/state-store-for.js'
import { resolveBinary } from '../terraform/io/check-binary.js'
import { readEnvironment, type Environment } from '../app/environment.js'
import { loadWorkspace, type Workspace } from '../app/load-workspace.js'
import { runSettings, withPolicyMode } from '../app/resolve-run-settings.js'
import { cancelOnSignals, runFailed, startRun } from '../app/start-run.js'
import { executionPlan, renderExecutionPlan } from '../cli/execution-plan.js'
import { annotationFor, locationOf } from './annotations.js'
import { readInputs } from './inputs.js'

// Runner logs are not a terminal: nothing the action prints carries colours.
const info = (text: string): void => core.info(stripAnsi(text))

/** Every output, so later steps can read them on every path (failure, nothing selected, dry-run). */
function setOutputs(values: { count: number; deployments: unknown[]; removed: unknown[]; graph: unknown; hasChanges: boolean; summaryFile: string }): void {
  core.setOutput('count', values.count)
  core.setOutput('deployments', JSON.stringify(values.deployments))
  core.setOutput('removed', JSON.stringify(values.removed))
  core.setOutput('graph', JSON.stringify(values.graph))
  core.setOutput('has-changes', values.hasChanges)
  core.setOutput('summary-file', values.summaryFile)
}

/** The action's entry point; everything below throws, only this reports failure. */
export async function run(env: Environment = readEnvironment()): Promise<void> {
  const repoRoot = env.githubWorkspace ?? process.cwd()
  let workingDir = process.cwd()
  setOutputs({ count: 0, deployments: [], removed: [], graph: { levels: [], dependencies: {} }, hasChanges: false, summaryFile: '' })
  try {
    const request = readInputs(env)
    workingDir = resolve(request.selection.workingDir)
    const isRun = request.command === 'plan' || request.command === 'apply'
    const loaded = await loadWorkspace({ ...request.selection, requireDeployments: isRun })
    const ws: Workspace = { ...loaded, config: withPolicyMode(loaded.config, request.run.policyMode) }
    for (const w of ws.warnings) {
      const line = 'line' in w && typeof w.line === 'number' ? w.line : undefined
      core.warning(stripAnsi(w.message), annotationFor(repoRoot, ws.workingDir, w.file, line))
    }
    for (const r of ws.selection.removed) core.warning(r.text, annotationFor(repoRoot, ws.workingDir, r.file))
    const labels = new Map(ws.discovery.deployments.map((d) => [d.id, d]))
    info(renderDeploymentList(ws.selection.selected, ws.selection.removed))
    info(renderGraphText(ws.graph, labels))
    const selection = { count: ws.selection.selected.length, deployments: ws.selection.selected, removed: ws.selection.removed, graph: graphJson(ws.graph, labels) }
    setOutputs({ ...selection, hasChanges: false, summaryFile: '' })
    if (request.command !== 'plan' && request.command !== 'apply') {
      await core.summary
        .addHeading('tf-orchestrator', 3)
        .addRaw(`${ws.selection.selected.length} deployment(s) selected in ${ws.graph.levels.length} level(s).`, true)
        .addCodeBlock(renderGraphMermaid(ws.graph, labels), 'mermaid')
        .write()
      return
    }
    const settings = runSettings(ws.workingDir, ws.config, request.command, request.run, env)
    if (request.run.dryRun) {
      const plan = executionPlan(ws, settings, await resolveBinary(settings.binary, settings.env), stateStoreFor(ws.workingDir, ws.config))
      return info(renderExecutionPlan(plan, ws))
    }
    if (ws.selection.selected.length === 0) return info('No deployments selected: nothing to do.')
    const summary = await runDeployments(ws, settings)
    setOutputs({ ...selection, hasChanges: summary.deployments.some((d) => d.hasChanges), summaryFile: `${settings.runDir}/summary.json` })
    if (runFailed(summary)) {
      const t = summary.totals
      core.setFailed(`${t.failed} failed, ${t.blocked} blocked, ${t.timedOut} timed out, ${t.skipped} skipped${summary.cancelled ? ', run cancelled' : ''}`)
    }
  } catch (error) {
    const message = stripAnsi(error instanceof Error ? error.message : String(error))
    const where = locationOf(message)
    core.error(message, where ? annotationFor(repoRoot, workingDir, where.file, where.line) : {})
    process.exitCode = core.ExitCode.Failure
  }
}

async function runDeployments(ws: Workspace, settings: RunSettings): ReturnType<typeof startRun> {
  const cancel = new AbortController()
  const release = cancelOnSignals(cancel, (signal) => core.warning(`${signal}: stopping; running deployments get SIGINT, nothing new starts`))
  try {
    const summary = await startRun(ws, settings, {
      observers: [progressObserver(info)],
      cancel: cancel.signal,
      onPolicySetupError: (message) => core.error(stripAnsi(`policy gate: ${message}; every deployment is blocked (fail closed)`)),
      onObserverError: (observer, error) => core.error(stripAnsi(`${observer} failed: ${error instanceof Error ? error.message : String(error)}`))
    })
    info(renderRunTable(summary))
    await core.summary.addRaw(renderRunMarkdown(summary), true).write()
    return summary
  } finally {
    release()
  }
}
