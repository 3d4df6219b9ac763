import { Command, Option } from 'commander'
import { renderRunTable } from '../render/run-table.js'
import { renderGraphText } from '../render/graph-render.js'
import { lineReporter } from '../engine/progress-reporter.js'
import { stateStoreFor } from '../state/io/state-store-for.js'
import { loadWorkspace } from '../app/load-workspace.js'
import { runSettings, type RunFlags } from '../app/resolve-run-settings.js'
import { cancelOnSignals, runFailed, startRun } from '../app/start-run.js'
import { ExitCode } from './exit-codes.js'
import type { Output } from './output.js'
import { printWarnings } from './print-warnings.js'
import { selectionFrom, withSelectionOptions, type CommonFlags } from './selection-options.js'

interface RunCommandFlags extends CommonFlags {
  maxWorkers?: string
  parallel?: boolean
  timeoutMinutes?: string
  graceSeconds?: string
  binary?: string
  debug?: boolean
  dryRun?: boolean
  destroy?: boolean
  strategy?: 'dag' | 'levels'
}

const positive = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(value)}`)
  return n
}

/** `plan` and `apply`: run the selected deployments with the real binary. */
export function runCommand(name: 'plan' | 'apply', output: Output, setExitCode: (code: number) => void): Command {
  return withSelectionOptions(new Command(name))
    .description(name === 'plan' ? 'plan the selected deployments (saved plans, no changes made)' : 'plan and apply the selected deployments in dependency order')
    .option('--max-workers <n>', 'most deployments at once (default: configuration, else min(2 x CPUs, 5))')
    .option('--no-parallel', 'run one deployment at a time')
    .option('--timeout-minutes <n>', 'per-deployment timeout (default 30)')
    .option('--grace-seconds <n>', 'after SIGINT, how long a child may take to stop before it is killed (default 20)')
    .option('--binary <name>', 'tofu or terraform (name on PATH or a path)')
    .option('--debug', 'stream the full output of every command, prefixed by deployment')
    .option('--dry-run', 'print the execution plan (levels, workers, state keys) and run nothing')
    .option('--destroy', 'plan (and apply) the destruction of the selected deployments, dependents first')
    .addOption(new Option('--strategy <strategy>', 'scheduling (levels: the older level-by-level design, for comparison)').choices(['dag', 'levels']).default('dag').hideHelp())
    .action(async (flags: RunCommandFlags) => {
      if (!flags.all && flags.baseRef === undefined && flags.changedFiles === undefined) {
        throw new Error(`${name}: say what to run: --all, --base-ref <ref> or --changed-files <list>`)
      }
      const ws = await loadWorkspace(selectionFrom(flags))
      printWarnings(output, ws.warnings)
      const runFlags: RunFlags = {
        command: name,
        destroy: flags.destroy,
        binary: flags.binary,
        maxWorkers: positive('--max-workers', flags.maxWorkers),
        parallel: flags.parallel === false ? false : undefined,
        timeoutMinutes: positive('--timeout-minutes', flags.timeoutMinutes),
        graceSeconds: positive('--grace-seconds', flags.graceSeconds),
        debug: flags.debug,
        strategy: flags.strategy
      }
      const settings = runSettings(ws.workingDir, ws.config, runFlags)
      const store = stateStoreFor(ws.workingDir, ws.config)
      for (const r of ws.selection.removed) output.err(`removed: ${r.text}`)
      const labels = new Map(ws.discovery.deployments.map((d) => [d.id, d]))
      if (flags.dryRun) {
        output.out(`${name}${settings.destroy ? ' (destroy)' : ''} with ${settings.binary}, ${settings.workers} worker(s), timeout ${settings.timeoutMs / 60000} min`)
        output.out(renderGraphText(ws.graph, labels))
        for (const d of ws.selection.selected) output.out(`  ${d.id}: state ${store.describe(d.stateKey)}${d.varFile ? `, var file ${d.varFile}` : ''}`)
        return
      }
      if (ws.selection.selected.length === 0) {
        output.out('No deployments selected: nothing to do.')
        return
      }
      const cancel = new AbortController()
      const release = cancelOnSignals(cancel, (signal) => output.err(`${signal}: stopping: running deployments get SIGINT, nothing new starts`))
      try {
        const summary = await startRun(ws, settings, {
          reporter: lineReporter((line) => output.out(line)),
          cancel: cancel.signal,
          onPolicySetupError: (message) => output.err(`error: policy gate: ${message}\nevery deployment is blocked (fail closed)`)
        })
        output.out('')
        output.out(renderRunTable(summary))
        output.out(`summary: ${settings.runDir}/summary.json`)
        if (summary.cancelled) setExitCode(ExitCode.Cancelled)
        else if (runFailed(summary)) setExitCode(ExitCode.RunFailed)
      } finally {
        release()
      }
    })
}
