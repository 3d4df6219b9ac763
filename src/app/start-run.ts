import type { S3ClientConfig } from '@aws-sdk/client-s3'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { loadHistory } from '../engine/duration-history.js'
import { executeRun } from '../engine/execute-run.js'
import type { RunObserver } from '../engine/run-observer.js'
import type { RunSettings } from '../engine/run-settings.js'
import type { SelectedDeployment } from '../model/deployment.js'
import type { RunSummary } from '../model/run-result.js'
import { gateOptions, openPolicyGate } from '../policy/io/policy-gate.js'
import { storesFor } from '../state/io/state-store-for.js'
import { resolveBinary, type ResolvedBinary } from '../terraform/io/check-binary.js'
import { execCommand, executorWith } from '../terraform/io/executor.js'
import { closeSpawner, openSpawner, type Spawner } from '../terraform/io/spawner.js'
import { describeUnfinishedRun } from '../locks/unfinished-report.js'
import { openChildRegistry } from './child-registry.js'
import { recoverUnfinishedRuns } from './unfinished-runs.js'
import type { Workspace } from './load-workspace.js'
import { standardObservers, type MetricsOutput } from './standard-observers.js'
import { assertWritableFolders } from './writable-folders.js'
import { checkBackends } from './check-backend.js'

export interface StartRunOptions {
  /** The outputs the caller wants (progress lines...); summary.json and the duration history are always written. */
  observers: RunObserver[]
  cancel: AbortSignal
  /** The policy gate could not be set up: every deployment will be blocked (fail closed). */
  onPolicySetupError?: (message: string) => void
  /** An output failed (for example summary.json could not be written); the run goes on. */
  onObserverError?: (observer: string, error: unknown) => void
  /** A loud warning that is not a failure (an audit record that could not be written). */
  warn?: (message: string) => void
  /** Where EMF metric lines go besides the run's metrics file. */
  metrics?: MetricsOutput
  /** Credentials for the orchestrator's own S3 calls (the action's OIDC role); default the SDK's chain. */
  credentials?: S3ClientConfig['credentials']
  /** A spawner the caller started early (and closes itself); else the run opens and closes its own. */
  spawner?: Promise<Spawner | undefined>
  /** settings.binary resolved by the caller already (started while the workspace loaded); else it is resolved here. */
  binary?: Promise<ResolvedBinary>
  /** Extra environment per deployment (temporary AWS credentials of its account's role). */
  deploymentEnv?: (d: SelectedDeployment) => Promise<Record<string, string>>
}

/**
 * Runs a loaded workspace's selected deployments with the real binary (shared
 * by the CLI and the action). Everything that can stop a run before it starts
 * (no binary, a file where a folder must be) is checked first, so such a run
 * leaves nothing behind.
 */
export async function startRun(ws: Workspace, settings: RunSettings, options: StartRunOptions): Promise<RunSummary> {
  // The spawner starts while the run is checked (Python takes tens of milliseconds to start); one of the run's own is closed whatever happens.
  const spawning = options.spawner ?? openSpawner(settings.env)
  try {
    return await checkedRun(ws, settings, options, spawning)
  } finally {
    if (!options.spawner) await closeSpawner(spawning)
  }
}

async function checkedRun(ws: Workspace, settings: RunSettings, options: StartRunOptions, spawning: Promise<Spawner | undefined>): Promise<RunSummary> {
  // Asked at once, awaited in its turn: the other checks need not wait for `version`.
  const resolving = options.binary ?? resolveBinary(settings.binary, settings.env)
  resolving.catch(() => undefined) // (an earlier check may throw first)
  await checkBackends(ws.workingDir, ws.config, ws.selection.selected)
  const { state: store, objects } = storesFor(ws.workingDir, ws.config, options.credentials)
  await assertWritableFolders(ws.workingDir, settings, ws.config)
  const binary = await resolving
  // A run that died here before (kill -9, a lost runner): stop its orphans, release its locks, check its states.
  for (const u of await recoverUnfinishedRuns({ runsDir: dirname(settings.runDir), currentRunId: settings.runId, store, graceMs: settings.graceMs })) {
    for (const line of describeUnfinishedRun(u)) (options.warn ?? warnOnStderr)(line)
  }
  const registry = openChildRegistry(settings)
  const history = await loadHistory(settings.historyFile)
  const policies = ws.config.policies
  // The gate's generated module lives in a temporary folder, not in the run folder.
  const policyDir = policies.mode === 'off' ? undefined : await mkdtemp(join(tmpdir(), 'tforch-gate-'))
  const opened = policyDir
    ? await openPolicyGate({ ...gateOptions(ws.workingDir, policies), mode: policies.mode, opa: settings.opaBinary, workDir: policyDir })
    : undefined
  if (opened?.setupError) options.onPolicySetupError?.(opened.setupError)
  // Commands are started by a small process of the run's own (the Node process's fork costs more the bigger it grows).
  const spawner = await spawning
  if (spawner) registry.track(spawner.pid)
  try {
    return await executeRun({
      deployments: ws.selection.selected,
      graph: ws.graph.dependencies,
      levels: ws.graph.levels,
      // After a failed apply: the configured recovery, going back to the base ref when asked to.
      settings: { ...settings, binary: binary.path, onFailure: settings.onFailure ?? ws.config.on_failure, previousRef: settings.previousRef ?? ws.baseRef },
      binary,
      exec: registry.executor(spawner ? executorWith(spawner.start) : execCommand),
      store,
      policyGate: opened?.gate,
      observers: [...options.observers, ...standardObservers({ settings, config: ws.config, history, objects, warn: options.warn ?? warnOnStderr, metrics: options.metrics })],
      onObserverError: options.onObserverError ?? reportObserverError,
      estimates: history,
      cancel: options.cancel,
      deploymentEnv: options.deploymentEnv
    })
  } finally {
    registry.close()
    await opened?.close()
    if (policyDir) await rm(policyDir, { recursive: true, force: true })
  }
}

const warnOnStderr = (message: string): void => void process.stderr.write(`warning: ${message}\n`)

/** Loud by default: an output that failed must not go unnoticed. */
function reportObserverError(observer: string, error: unknown): void {
  process.stderr.write(`error: ${observer} failed: ${error instanceof Error ? error.message : String(error)}\n`)
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
