import type { SelectedDeployment } from '../model/deployment.js'
import type { DeploymentResult, Phase } from '../model/run-result.js'
import type { StateStore } from '../state/state-store.js'
import type { CommandResult } from '../terraform/io/executor.js'
import type { TerraformCall } from '../terraform/io/terraform-cli.js'
import type { InitGate } from './init-gate.js'
import type { PolicyGate } from './policy-hook.js'
import type { RunSettings } from './run-settings.js'

/** Where one deployment's files go during a run. */
export interface DeploymentPaths {
  /** Its own TF_DATA_DIR. */
  dataDir: string
  planFile: string
  planJsonFile: string
  /** The full output of every command, phase by phase. */
  logFile: string
}

/** How a step runs a command: the wrapper adds retries, the log, the phase record. */
export interface CommandRun {
  run: () => Promise<CommandResult>
  /** Whether the command's result counts as success (plan: exit 0 or 2). */
  ok: (r: CommandResult) => boolean
  /** Retry only for these patterns (default: the configured ones; [] for none). */
  retryWhen?: string[]
  /** false: keep the output out of the log (for example the plan JSON). */
  log?: boolean
}

/** What every step sees: the deployment, its result so far, and the shared services. */
export interface StepContext {
  deployment: SelectedDeployment
  settings: RunSettings
  /** The deployment's result; steps record what they learn in it. */
  result: DeploymentResult
  paths: DeploymentPaths
  call: TerraformCall
  store: StateStore
  initGate: InitGate
  policyGate?: PolicyGate
  signal: AbortSignal
  /** Runs a command for `phase`; throws StepFailure when it failed after its retries. */
  command(phase: Phase, command: CommandRun): Promise<CommandResult>
  /** Shared between steps of one deployment (for example show -> policy: the plan JSON). */
  scratch: {
    planExitCode?: number | null
    planJson?: unknown
    /** A `show` running beside apply (show-step.ts): settles with its error, if any. */
    showing?: Promise<Error | undefined>
  }
}

/** A step ended the deployment early without an error of its own (for example a policy block). */
export interface StepStop {
  stop: 'blocked' | 'failed'
  reason: string
}

/**
 * One step of a deployment's pipeline: a phase name, what it runs, what it
 * records in the result. The wrapper (run-deployment.ts) owns everything steps
 * share: timeout and cancellation, retries, the log, phase timings, events.
 */
export interface Step {
  readonly phase: Phase
  /** Whether the step applies to this deployment now (for example apply only with changes). */
  when?(ctx: StepContext): boolean
  run(ctx: StepContext): Promise<StepStop | void>
  /**
   * Runs after the deployment ends, whatever happened (also when this or a
   * later step failed or the run was cancelled), for every step whose run()
   * started: release a lock, push back errored state. Must not throw.
   */
  cleanup?(ctx: StepContext): Promise<void>
}

/** A step failed: the message becomes the deployment's error. */
export class StepFailure extends Error {
  override name = 'StepFailure'
}
