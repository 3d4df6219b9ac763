import * as core from '@actions/core'
import { graphJson, renderGraphMermaid, renderGraphText } from '../core/render/graph-render.js'
import { renderDeploymentList } from '../core/render/deployment-list.js'
import { loadWorkspace } from '../workspace/load-workspace.js'
import { readInputs } from './inputs.js'

/** The action's entry point; everything below throws, only this reports failure. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs()
    const ws = await loadWorkspace({
      workingDir: inputs.workingDirectory,
      configPath: inputs.config,
      baseRef: inputs.all || inputs.changedFiles ? undefined : inputs.baseRef,
      changedFiles: inputs.changedFiles,
      all: inputs.all
    })
    for (const w of ws.warnings) core.warning(w.message, { file: w.file })
    const labels = new Map(ws.discovery.deployments.map((d) => [d.id, d]))
    core.info(renderDeploymentList(ws.selection.selected, ws.selection.removed))
    core.info(renderGraphText(ws.graph, labels))
    core.setOutput('deployments', JSON.stringify(ws.selection.selected))
    core.setOutput('removed', JSON.stringify(ws.selection.removed))
    core.setOutput('graph', JSON.stringify(graphJson(ws.graph, labels)))
    core.setOutput('count', ws.selection.selected.length)
    await core.summary
      .addHeading('tf-orchestrator', 2)
      .addRaw(`${ws.selection.selected.length} deployment(s) selected in ${ws.graph.levels.length} level(s).`, true)
      .addCodeBlock(renderGraphMermaid(ws.graph, labels), 'mermaid')
      .write()
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
