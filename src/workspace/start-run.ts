import type { RunSummary } from '../core/run-result.js'
import { executeRun } from '../engine/execute-run.js'
import type { PolicyGate } from '../engine/policy-hook.js'
import type { ProgressReporter } from '../engine/progress-reporter.js'
import type { RunSettings } from '../engine/run-settings.js'
import { localStateStore } from '../state/local-state-store.js'
import { execCommand } from '../terraform/executor.js'
import type { Workspace } from './load-workspace.js'
import { localStateDir } from './run-settings.js'

export interface StartRunOptions {
  reporter: ProgressReporter
  cancel: AbortSignal
  policyGate?: PolicyGate
}

/** Runs a loaded workspace's selected deployments with the real binary (shared by the CLI and the action). */
export function startRun(ws: Workspace, settings: RunSettings, options: StartRunOptions): Promise<RunSummary> {
  return executeRun({
    deployments: ws.selection.selected,
    graph: ws.graph.dependencies,
    levels: ws.graph.levels,
    settings,
    exec: execCommand,
    store: localStateStore(localStateDir(ws.workingDir, ws.config)),
    policyGate: options.policyGate,
    reporter: options.reporter,
    cancel: options.cancel
  })
}

/** Whether a run's outcome should fail the job. */
export function runFailed(summary: RunSummary): boolean {
  const t = summary.totals
  return summary.cancelled || t.failed + t.blocked + t.timedOut + t.skipped + t.cancelled > 0
}

/** Aborts `controller` on SIGINT / SIGTERM until the returned function is called. */
export function cancelOnSignals(controller: AbortController, onSignal: (signal: NodeJS.Signals) => void): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    onSignal(signal)
    controller.abort()
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return () => {
    process.off('SIGINT', handler)
    process.off('SIGTERM', handler)
  }
}
