import { Command } from 'commander'
import { graphJson, renderGraphMermaid, renderGraphText } from '../render/graph-render.js'
import { loadWorkspace } from '../app/load-workspace.js'
import { parseRunRequest } from '../app/run-request.js'
import { contextOf, type CliContext } from './context.js'
import type { Output } from './output.js'
import { printWarnings } from './print-warnings.js'
import { rawSelection, withSelectionOptions, type CommonFlags } from './selection-options.js'

/** `graph`: the execution levels as text, Mermaid or JSON. */
export function graphCommand(given: CliContext | Output): Command {
  const ctx = contextOf(given)
  return withSelectionOptions(new Command('graph'))
    .description('show the execution levels of the selected deployments')
    // No commander default: --json with an explicit non-JSON format is a usage error, not silently JSON.
    .option('-f, --format <format>', 'output format: text, mermaid or json (default: text, json with --json)')
    .action(async (flags: CommonFlags & { format?: string }) => {
      const request = parseRunRequest({ command: 'graph', ...rawSelection(flags), format: flags.format }, 'cli')
      const ws = await loadWorkspace(request.selection)
      printWarnings(ctx.output, ws.warnings)
      const labels = new Map(ws.discovery.deployments.map((d) => [d.id, d]))
      if (request.format === 'json') ctx.output.out(JSON.stringify(graphJson(ws.graph, labels), null, 2))
      else if (request.format === 'mermaid') ctx.output.out(renderGraphMermaid(ws.graph, labels))
      else ctx.output.out(renderGraphText(ws.graph, labels))
    })
}
