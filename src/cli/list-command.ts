import { Command } from 'commander'
import { renderDeploymentList } from '../render/deployment-list.js'
import { loadWorkspace } from '../app/load-workspace.js'
import type { Output } from './output.js'
import { selectionFrom, withSelectionOptions, type CommonFlags } from './selection-options.js'
import { printWarnings } from './print-warnings.js'

export function listCommand(output: Output): Command {
  return withSelectionOptions(new Command('list'))
    .description('list the selected deployments with their services, state key and why they were selected')
    .action(async (flags: CommonFlags) => {
      const ws = await loadWorkspace(selectionFrom(flags))
      printWarnings(output, ws.warnings)
      if (flags.json) {
        output.out(JSON.stringify({ deployments: ws.selection.selected, removed: ws.selection.removed, warnings: ws.warnings }, null, 2))
      } else {
        output.out(renderDeploymentList(ws.selection.selected, ws.selection.removed))
      }
    })
}
