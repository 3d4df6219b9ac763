import type { SelectedDeployment } from '../model/deployment.js'
import type { DeploymentResult, Phase, RunSummary } from '../model/run-result.js'
import type { RunSettings } from './run-settings.js'

/** What every observer learns when a run starts. */
export interface RunStart {
  settings: RunSettings
  deployments: readonly SelectedDeployment[]
  /** Execution order as levels (reversed for destroy). */
  levels: string[][]
  binary: { path: string; name: string; version: string }
  startedAt: Date
}

/**
 * Receives a run's events in order: runStarted, then per deployment
 * deploymentStarted, phaseFinished..., deploymentFinished (skipped ones get only
 * deploymentFinished), then runFinished. Every output of a run (progress lines,
 * summary.json, duration history, later audit records, PR comment, job summary)
 * is an observer; the engine itself writes nothing. Every method is optional.
 * An observer that throws is reported by the composite and never stops the run.
 */
export interface RunObserver {
  /** Short name for error messages ("summary-file", "audit"). */
  readonly name: string
  runStarted?(run: RunStart): void | Promise<void>
  deploymentStarted?(d: SelectedDeployment, workerId: number): void | Promise<void>
  /** A phase succeeded; `result` is the deployment's result so far. */
  phaseFinished?(phase: Phase, result: DeploymentResult): void | Promise<void>
  /** A line of the binary's own output, only when debug streaming is on. */
  outputLine?(deploymentId: string, line: string): void
  deploymentFinished?(result: DeploymentResult): void | Promise<void>
  runFinished?(summary: RunSummary): void | Promise<void>
}
