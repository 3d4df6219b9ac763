import { Command, Option } from 'commander'
import { renderRunTable } from '../render/run-table.js'
import { progressObserver } from '../engine/observers/progress-observer.js'
import { stateStoreFor } from '../state/io/state-store-for.js'
import type { ResolvedBinary } from '../terraform/io/check-binary.js'
import { closeSpawner, openSpawner, type Spawner } from '../terraform/io/spawner.js'
import { loadWorkspace, type Workspace } from '../app/load-workspace.js'
import { narrowToShard } from '../app/shard-selection.js'
import { rerunOf } from '../app/rerun-failed.js'
import { ciContextFromEnv } from '../audit/ci-context.js'
import { reviewSettingsOf } from '../plans/review-settings.js'
import { runSettings, withPolicyMode } from '../app/resolve-run-settings.js'
import { earlyBinary } from '../app/early-binary.js'
import { parseRunRequest, type RawRunRequest, type RunRequest } from '../app/run-request.js'
import { cancelOnSignals, runFailed, startRun } from '../app/start-run.js'
import type { RunSettings } from '../engine/run-settings.js'
import type { CliContext } from './context.js'
import { ExitCode } from './exit-codes.js'
import { executionPlan, renderExecutionPlan } from './execution-plan.js'
import { printWarnings } from './print-warnings.js'
import { flagText, rawSelection, withSelectionOptions, type CommonFlags } from './selection-options.js'

interface RunCommandFlags extends CommonFlags {
  maxWorkers?: string
  parallel?: boolean
  timeoutMinutes?: string
  graceSeconds?: string
  binary?: string
  debug?: boolean
  dryRun?: boolean
  destroy?: boolean
  policyMode?: string
  strategy?: string
  shard?: string
  deployments?: string
  review?: string
  planRetentionDays?: string
  rerunFailed?: string
}

/** The flags as raw run request values: validated by the same schema as the action's inputs. */
function rawRequest(name: 'plan' | 'apply', flags: RunCommandFlags): RawRunRequest {
  return {
    command: name,
    ...rawSelection(flags),
    maxWorkers: flags.maxWorkers,
    // --no-parallel sets false; without it commander reports true, which is "not given".
    parallel: flags.parallel === false ? 'false' : undefined,
    timeoutMinutes: flags.timeoutMinutes,
    graceSeconds: flags.graceSeconds,
    binary: flags.binary,
    debug: flagText(flags.debug),
    dryRun: flagText(flags.dryRun),
    destroy: flagText(flags.destroy),
    policyMode: flags.policyMode,
    strategy: flags.strategy,
    shard: flags.shard,
    deployments: flags.deployments,
    review: flags.review,
    planRetentionDays: flags.planRetentionDays,
    rerunFailed: flags.rerunFailed
  }
}

/** `plan` and `apply`: run the selected deployments with the real binary. */
export function runCommand(name: 'plan' | 'apply', ctx: CliContext): Command {
  return withSelectionOptions(new Command(name))
    .description(name === 'plan' ? 'plan the selected deployments (saved plans, no changes made)' : 'plan and apply the selected deployments in dependency order')
    .option('--max-workers <n>', 'most deployments at once, 1 to 64 (default: configuration, else min(2 x CPUs, 5))')
    .option('--no-parallel', 'run one deployment at a time')
    .option('--timeout-minutes <n>', 'per-deployment timeout (default: configuration, else 30)')
    .option('--grace-seconds <n>', 'after SIGINT, how long a child may take to stop before it is killed (default 20)')
    .option('--binary <name>', 'tofu or terraform (name on PATH or a path)')
    .option('--debug', 'stream the full output of every command, prefixed by deployment')
    .option('--dry-run', 'print the execution plan (levels, workers, state keys) and run nothing')
    .option('--destroy', 'plan (and apply) the destruction of the selected deployments, dependents first')
    .option('--policy-mode <mode>', 'enforce, warn or off (overrides policies.mode of the configuration)')
    .option('--shard <n/total>', 'run one shard of the `matrix` split (same selection, history and workers as the matrix)')
    .option('--deployments <ids>', 'run exactly these deployment ids (comma separated), e.g. one entry of the `matrix` output')
    .option('--review <owner/repo#pr@sha>', 'plan: store the plans for this pull request; apply: apply exactly the stored plans, refusing any that changed')
    .option('--plan-retention-days <n>', 'with --review on plan: days a stored plan is kept (default 30)')
    .option('--rerun-failed <run id>', 'run only what that run (or previous-attempt: of this workflow run) did not finish: failed, timed out, blocked, skipped, and their dependents')
    .addOption(new Option('--strategy <strategy>', 'scheduling (levels: the older level-by-level design, for comparison)').hideHelp())
    .action(async (flags: RunCommandFlags) => {
      const request = parseRunRequest(rawRequest(name, flags), 'cli')
      // Started before the workspace loads: a spawner takes tens of milliseconds to start (Python), about as long as discovery.
      const spawning = request.run.dryRun ? undefined : openSpawner(ctx.env.childEnv)
      try {
        await selectAndRun(name, request, ctx, spawning)
      } finally {
        if (spawning) await closeSpawner(spawning)
      }
    })
}

async function selectAndRun(name: 'plan' | 'apply', request: RunRequest, ctx: CliContext, spawning: Promise<Spawner | undefined> | undefined): Promise<void> {
  const { onConfig, binary } = earlyBinary(request.run, ctx.env.childEnv)
  const shard = await narrowToShard(await loadWorkspace({ ...request.selection, requireDeployments: true, onConfig }), request.run)
  const loaded = await rerunOf(shard, request.run.rerunFailed, (message) => ctx.output.err(`warning: --rerun-failed: ${message}`), ciContextFromEnv(ctx.env.workflow))
  const ws: Workspace = { ...loaded, config: withPolicyMode(loaded.config, request.run.policyMode) }
  const { output } = ctx
  printWarnings(output, ws.warnings)
  for (const r of ws.selection.removed) output.err(`removed: ${r.text}`)
  const review = reviewSettingsOf(name, request.run.review, ws.graph.dependencies, request.run.planRetentionDays)
  const settings: RunSettings = { ...runSettings(ws.workingDir, ws.config, name, request.run, ctx.env), ...(review ? { review } : {}) }
  if (request.run.dryRun) return dryRun(ws, settings, request, ctx, await binary(settings.binary))
  if (ws.selection.selected.length === 0) {
    if (request.json) output.out(JSON.stringify({ command: name, deployments: [], removed: ws.selection.removed }, null, 2))
    else output.out('No deployments selected: nothing to do.')
    return
  }
  await run(ws, settings, request, ctx, { spawner: spawning, binary: binary(settings.binary) })
}

async function dryRun(ws: Workspace, settings: RunSettings, request: RunRequest, ctx: CliContext, binary: ResolvedBinary): Promise<void> {
  const plan = executionPlan(ws, settings, binary, stateStoreFor(ws.workingDir, ws.config))
  ctx.output.out(request.json ? JSON.stringify(plan, null, 2) : renderExecutionPlan(plan, ws))
}

type Early = { spawner: Promise<Spawner | undefined> | undefined; binary: Promise<ResolvedBinary> }

async function run(ws: Workspace, settings: RunSettings, request: RunRequest, ctx: CliContext, { spawner, binary }: Early): Promise<void> {
  const { output } = ctx
  const cancel = new AbortController()
  const release = cancelOnSignals(cancel, (signal) => output.err(`${signal}: stopping: running deployments get SIGINT, nothing new starts`))
  try {
    const summary = await startRun(ws, settings, {
      // Progress is not the result: it goes to stderr, so stdout stays one document with --json.
      observers: [progressObserver((line) => output.err(line))],
      cancel: cancel.signal,
      spawner,
      binary,
      onPolicySetupError: (message) => output.err(`error: policy gate: ${message}\nevery deployment is blocked (fail closed)`),
      onObserverError: (observer, error) => output.err(`error: ${observer} failed: ${error instanceof Error ? error.message : String(error)}`),
      warn: (message) => output.err(`warning: ${message}`),
      // EMF lines on stdout (metrics: emf) except with --json, whose stdout is one document.
      metrics: { line: request.json ? undefined : (line) => output.out(line) }
    })
    const report = (text: string): void => (request.json ? output.err(text) : output.out(text))
    report('')
    report(renderRunTable(summary))
    report(`summary: ${settings.runDir}/summary.json`)
    if (request.json) output.out(JSON.stringify(summary, null, 2))
    if (summary.cancelled) ctx.setExitCode(ExitCode.Cancelled)
    else if (runFailed(summary)) ctx.setExitCode(ExitCode.RunFailed)
  } finally {
    release()
  }
}
