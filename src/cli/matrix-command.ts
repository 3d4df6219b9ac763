import { Command } from 'commander'
import { loadWorkspace } from '../app/load-workspace.js'
import { parseRunRequest } from '../app/run-request.js'
import { historyFileOf, matrixWorkers } from '../app/shard-selection.js'
import { loadHistory } from '../engine/duration-history.js'
import { matrixDocument } from '../matrix/matrix-output.js'
import { planMatrix } from '../matrix/plan-matrix.js'
import type { Output } from './output.js'
import { printWarnings } from './print-warnings.js'
import { rawSelection, withSelectionOptions, type CommonFlags } from './selection-options.js'

interface MatrixFlags extends CommonFlags {
  shards?: string
  workers?: string
}

const wholeNumber = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, got ${JSON.stringify(value)}`)
  return n
}

export { historyFileOf, matrixWorkers } from '../app/shard-selection.js'

/** `matrix`: the selected deployments split into shards of whole components, as JSON for `strategy.matrix`. */
export function matrixCommand(output: Output): Command {
  return withSelectionOptions(new Command('matrix'))
    .description('split the selected deployments into shards with no dependency between them, as JSON for a GitHub Actions matrix')
    .option('--shards <n>', 'number of shards (default: the number of independent components, at most 20)')
    .option('--workers <n>', 'workers each shard job runs with, for the estimates (default: configuration max_workers, else 5)')
    .action(async (flags: MatrixFlags) => {
      const shards = wholeNumber('--shards', flags.shards)
      const workersFlag = wholeNumber('--workers', flags.workers)
      // Selected like `list` (default: everything), with the same checks and messages.
      const request = parseRunRequest({ command: 'list', ...rawSelection(flags) }, 'cli')
      const ws = await loadWorkspace(request.selection)
      printWarnings(output, ws.warnings)
      const packing = planMatrix({
        graph: ws.graph.dependencies,
        history: await loadHistory(historyFileOf(ws.workingDir)),
        workers: matrixWorkers(ws.config, workersFlag),
        shards
      })
      // Exactly one JSON document on stdout, so `jq` or `fromJSON` can take it whole.
      output.out(JSON.stringify(matrixDocument(packing)))
    })
}
