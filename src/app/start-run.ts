import type { RunSummary } from '../model/run-result.js'
import { executeRun } from '../engine/execute-run.js'
import type { ProgressReporter } from '../engine/progress-reporter.js'
import type { RunSettings } from '../engine/run-settings.js'
import { stateStoreFor } from '../state/io/state-store-for.js'
import { execCommand } from '../terraform/io/executor.js'
import { gateOptions, openPolicyGate } from '../policy/io/policy-gate.js'
import { join } from 'node:path'
import type { Workspace } from './load-workspace.js'

export interface StartRunOptions {
  reporter: ProgressReporter
  cancel: AbortSignal
  /** The policy gate could not be set up: every deployment will be blocked (fail closed). */
  onPolicySetupError?: (message: string) => void
}

/** Runs a loaded workspace's selected deployments with the real binary (shared by the CLI and the action). */
export async function startRun(ws: Workspace, settings: RunSettings, options: StartRunOptions): Promise<RunSummary> {
  const policies = ws.config.policies
  const opened =
    policies.mode === 'off'
      ? undefined
      : await openPolicyGate({
          ...gateOptions(ws.workingDir, policies),
          mode: policies.mode,
          opa: settings.opaBinary,
          workDir: join(settings.runDir, 'policy')
        })
  if (opened?.setupError) options.onPolicySetupError?.(opened.setupError)
  try {
    return await executeRun({
      deployments: ws.selection.selected,
      graph: ws.graph.dependencies,
      levels: ws.graph.levels,
      settings,
      exec: execCommand,
      store: stateStoreFor(ws.workingDir, ws.config),
      policyGate: opened?.gate,
      reporter: options.reporter,
      cancel: options.cancel
    })
  } finally {
    await opened?.close()
  }
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
