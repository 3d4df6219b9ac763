import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { SelectedDeployment } from '../model/deployment.js'
import type { DeploymentResult, Phase } from '../model/run-result.js'
import type { StateStore } from '../state/state-store.js'
import type { Executor } from '../terraform/io/executor.js'
import type { TerraformCall } from '../terraform/io/terraform-cli.js'
import type { InitGate } from './init-gate.js'
import type { PolicyGate } from './policy-hook.js'
import type { RunSettings } from './run-settings.js'
import { makeFolder, type RunFolders } from './run-folders.js'
import { runStepCommand } from './run-step-command.js'
import { StepFailure, type DeploymentPaths, type Step, type StepContext } from './step.js'

export interface DeploymentContext {
  settings: RunSettings
  /** The steps to run, from pipelineFor(settings). */
  steps: readonly Step[]
  exec: Executor
  store: StateStore
  initGate: InitGate
  policyGate?: PolicyGate
  /** The run's cancellation (SIGINT / SIGTERM). */
  cancel: AbortSignal
  workerId: number
  /** A phase succeeded. */
  onPhase: (phase: Phase, result: DeploymentResult) => void | Promise<void>
  /** Full output, when --debug streams it. */
  onOutputLine?: (line: string) => void
  /** Extra environment for this deployment's commands (for example its account's temporary AWS credentials). */
  deploymentEnv?: (d: SelectedDeployment) => Promise<Record<string, string>>
  /** The run's folder creation (see runFolders): a folder every deployment shares is made once per run. Absent: made every time. */
  folders?: RunFolders
}

/** Where a deployment's files go: its own data dir, plan and log. */
export function deploymentPaths(settings: RunSettings, d: SelectedDeployment): DeploymentPaths {
  const dataDir = join(settings.workDir, ...d.id.split('/'))
  return {
    dataDir,
    // Plans belong to their run: two runs in one working directory never apply each other's plans.
    planFile: join(settings.runDir, 'plans', ...d.id.split('/'), 'plan.tfplan'),
    planJsonFile: join(settings.runDir, 'plans', ...d.id.split('/'), 'plan.json'),
    logFile: join(settings.runDir, 'logs', `${d.id.replace(/\//g, '__')}.log`)
  }
}

/**
 * Runs one deployment through its steps. Owns what every step shares: the
 * timeout and cancellation, retries for the configured patterns, the log, phase
 * timings and the phase events. Never throws: every outcome, an unexpected
 * error included, is a DeploymentResult.
 */
export async function runDeployment(d: SelectedDeployment, ctx: DeploymentContext): Promise<DeploymentResult> {
  const { settings } = ctx
  const started = Date.now()
  const paths = deploymentPaths(settings, d)
  const result: DeploymentResult = {
    id: d.id,
    name: d.name,
    services: d.services,
    stateKey: d.stateKey,
    reasons: d.reasons,
    status: 'succeeded',
    phases: {},
    attempts: 0,
    retries: [],
    workerId: ctx.workerId,
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
    logFile: paths.logFile
  }
  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(new Error('timeout')), settings.timeoutMs)
  const signal = AbortSignal.any([ctx.cancel, timeout.signal])
  const call: TerraformCall = {
    exec: ctx.exec,
    binary: settings.binary,
    noColor: settings.noColor,
    options: {
      cwd: join(settings.workingDir, d.rootDir),
      env: { ...settings.env, TF_DATA_DIR: paths.dataDir, TF_IN_AUTOMATION: '1', TF_INPUT: '0', TF_PLUGIN_CACHE_DIR: settings.pluginCacheDir },
      signal,
      graceMs: settings.graceMs,
      onLine: ctx.onOutputLine
    }
  }
  const stepCtx: StepContext = {
    deployment: d,
    settings,
    result,
    paths,
    call,
    store: ctx.store,
    initGate: ctx.initGate,
    policyGate: ctx.policyGate,
    signal,
    scratch: {},
    command: (phase, command) => runStepCommand(stepCtx, phase, command)
  }

  const begun: Step[] = []
  try {
    if (ctx.deploymentEnv) Object.assign(call.options.env, await ctx.deploymentEnv(d))
    // The deployment's own folders directly: a few mkdir calls cost less than trips through the thread pool.
    mkdirSync(paths.dataDir, { recursive: true })
    await (ctx.folders ?? makeFolder)(dirname(paths.logFile))
    // A plan folder mkdir just created holds no plan file of an earlier attempt to remove.
    if (mkdirSync(dirname(paths.planFile), { recursive: true }) === undefined) rmSync(paths.planFile, { force: true })
    for (const step of ctx.steps) {
      if (step.when && !step.when(stepCtx)) continue
      begun.push(step)
      const phaseStarted = Date.now()
      const record = (result.phases[step.phase] ??= { startedAt: new Date(phaseStarted).toISOString(), durationMs: 0, attempts: 0 })
      let stopped
      try {
        stopped = await step.run(stepCtx)
      } finally {
        record.durationMs = Date.now() - phaseStarted
        if (record.attempts === 0) record.attempts = 1
      }
      if (stopped) {
        result.status = stopped.stop
        result.error = stopped.reason
        break
      }
      await ctx.onPhase(step.phase, result)
    }
  } catch (error) {
    result.status = timeout.signal.aborted ? 'timed-out' : ctx.cancel.aborted ? 'cancelled' : 'failed'
    result.error =
      result.status === 'timed-out'
        ? `timed out after ${Math.round(settings.timeoutMs / 1000)}s`
        : error instanceof StepFailure
          ? error.message
          : `unexpected error: ${error instanceof Error ? error.message : String(error)}`
  } finally {
    // After-hooks run last-started first, whatever happened.
    for (const step of begun.reverse()) await step.cleanup?.(stepCtx).catch(() => undefined)
    clearTimeout(timer)
    result.durationMs = Date.now() - started
    result.stateBytes = await ctx.store.stateBytes(d.stateKey).catch(() => undefined)
  }
  return result
}
