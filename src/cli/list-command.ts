import { Command } from 'commander'
import { renderDeploymentList } from '../render/deployment-list.js'
import { loadWorkspace } from '../app/load-workspace.js'
import { parseRunRequest } from '../app/run-request.js'
import { contextOf, type CliContext } from './context.js'
import type { Output } from './output.js'
import { rawSelection, withSelectionOptions, type CommonFlags } from './selection-options.js'
import { printWarnings } from './print-warnings.js'

/** `list`: the selected deployments with their services, state key and reasons. */
export function listCommand(given: CliContext | Output): Command {
  const ctx = contextOf(given)
  return withSelectionOptions(new Command('list'))
    .description('list the selected deployments with their services, state key and why they were selected')
    .action(async (flags: CommonFlags) => {
      const request = parseRunRequest({ command: 'list', ...rawSelection(flags) }, 'cli')
      const ws = await loadWorkspace(request.selection)
      printWarnings(ctx.output, ws.warnings)
      if (request.json) {
        ctx.output.out(JSON.stringify({ deployments: ws.selection.selected, removed: ws.selection.removed, warnings: ws.warnings }, null, 2))
      } else {
        ctx.output.out(renderDeploymentList(ws.selection.selected, ws.selection.removed))
      }
    })
}
