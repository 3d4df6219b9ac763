import { Command, Option } from 'commander'
import { graphJson, renderGraphMermaid, renderGraphText } from '../render/graph-render.js'
import { loadWorkspace } from '../app/load-workspace.js'
import type { Output } from './output.js'
import { printWarnings } from './print-warnings.js'
import { selectionFrom, withSelectionOptions, type CommonFlags } from './selection-options.js'

export function graphCommand(output: Output): Command {
  return withSelectionOptions(new Command('graph'))
    .description('show the execution levels of the selected deployments')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'mermaid', 'json']).default('text'))
    .action(async (flags: CommonFlags & { format: string }) => {
      const ws = await loadWorkspace(selectionFrom(flags))
      printWarnings(output, ws.warnings)
      const labels = new Map(ws.discovery.deployments.map((d) => [d.id, d]))
      if (flags.json || flags.format === 'json') output.out(JSON.stringify(graphJson(ws.graph, labels), null, 2))
      else if (flags.format === 'mermaid') output.out(renderGraphMermaid(ws.graph, labels))
      else output.out(renderGraphText(ws.graph, labels))
    })
}
