import * as core from '@actions/core'
import { renderDeploymentList } from '../render/deployment-list.js'
import { graphJson, renderGraphMermaid, renderGraphText } from '../render/graph-render.js'
import { renderRunMarkdown } from '../render/run-markdown.js'
import { renderRunTable } from '../render/run-table.js'
import { lineReporter } from '../engine/progress-reporter.js'
import { loadWorkspace, type Workspace } from '../app/load-workspace.js'
import { runSettings } from '../app/resolve-run-settings.js'
import { cancelOnSignals, runFailed, startRun } from '../app/start-run.js'
import { readInputs, type ActionInputs } from './inputs.js'

/** The action's entry point; everything below throws, only this reports failure. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs()
    const ws = await loadWorkspace({
      workingDir: inputs.workingDirectory,
      configPath: inputs.config,
      baseRef: inputs.all || inputs.changedFiles ? undefined : inputs.baseRef,
      changedFiles: inputs.changedFiles,
      all: inputs.all || (!inputs.changedFiles && !inputs.baseRef)
    })
    for (const w of ws.warnings) core.warning(w.message, { file: w.file })
    for (const r of ws.selection.removed) core.warning(r.text, { file: r.file })
    const labels = new Map(ws.discovery.deployments.map((d) => [d.id, d]))
    core.info(renderDeploymentList(ws.selection.selected, ws.selection.removed))
    core.info(renderGraphText(ws.graph, labels))
    core.setOutput('deployments', JSON.stringify(ws.selection.selected))
    core.setOutput('removed', JSON.stringify(ws.selection.removed))
    core.setOutput('graph', JSON.stringify(graphJson(ws.graph, labels)))
    core.setOutput('count', ws.selection.selected.length)
    if (inputs.command === 'plan' || inputs.command === 'apply') {
      if (!inputs.dryRun && ws.selection.selected.length > 0) await runDeployments(ws, inputs)
      return
    }
    await core.summary
      .addHeading('tf-orchestrator', 3)
      .addRaw(`${ws.selection.selected.length} deployment(s) selected in ${ws.graph.levels.length} level(s).`, true)
      .addCodeBlock(renderGraphMermaid(ws.graph, labels), 'mermaid')
      .write()
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

async function runDeployments(ws: Workspace, inputs: ActionInputs): Promise<void> {
  const settings = runSettings(ws.workingDir, ws.config, {
    command: inputs.command as 'plan' | 'apply',
    binary: inputs.binary,
    maxWorkers: inputs.maxWorkers,
    parallel: inputs.parallel
  })
  const cancel = new AbortController()
  const release = cancelOnSignals(cancel, (signal) => core.warning(`${signal}: stopping; running deployments get SIGINT, nothing new starts`))
  try {
    const summary = await startRun(ws, settings, {
      reporter: lineReporter((line) => core.info(line)),
      cancel: cancel.signal,
      onPolicySetupError: (message) => core.error(`policy gate: ${message}; every deployment is blocked (fail closed)`)
    })
    core.info(renderRunTable(summary))
    core.setOutput('summary-file', `${settings.runDir}/summary.json`)
    core.setOutput('has-changes', summary.deployments.some((d) => d.hasChanges))
    await core.summary.addRaw(renderRunMarkdown(summary), true).write()
    if (runFailed(summary)) {
      const t = summary.totals
      core.setFailed(`${t.failed} failed, ${t.blocked} blocked, ${t.timedOut} timed out, ${t.skipped} skipped${summary.cancelled ? ', run cancelled' : ''}`)
    }
  } finally {
    release()
  }
}
