import type { DependencyGraph } from '../graph/dag.js'
import { dependentsOf } from '../graph/dag.js'
import type { SelectedDeployment } from '../model/deployment.js'
import type { DeploymentResult, RunSummary } from '../model/run-result.js'
import { notStartedResult, totalsOf } from '../model/run-totals.js'
import { criticalPathLengths } from '../schedule/critical-path.js'
import { runPool } from '../schedule/worker-pool.js'
import type { StateStore } from '../state/state-store.js'
import type { Executor } from '../terraform/io/executor.js'
import { InitGate } from './init-gate.js'
import { combineObservers } from './observers/combine-observers.js'
import { pipelineFor } from './pipeline.js'
import type { PolicyGate } from './policy-hook.js'
import type { RunObserver } from './run-observer.js'
import { runDeployment } from './run-deployment.js'
import { runFolders } from './run-folders.js'
import { DEFAULT_ESTIMATE_MS, type RunSettings } from './run-settings.js'
import type { Step } from './step.js'

export interface RunInput {
  deployments: readonly SelectedDeployment[]
  /** Dependencies among the selected deployments. */
  graph: DependencyGraph
  levels: string[][]
  /** `binary` already resolved to the file every command starts. */
  settings: RunSettings
  binary: { path: string; name: string; version: string }
  exec: Executor
  store: StateStore
  policyGate?: PolicyGate
  /** Every output of the run: progress, summary.json, history, audit, comments... */
  observers: readonly RunObserver[]
  /** An observer failed; the run goes on (the caller reports it loudly). */
  onObserverError: (observer: string, error: unknown) => void
  /** Recorded durations (ms) per deployment id, for longest-critical-path-first. */
  estimates?: Readonly<Record<string, number>>
  /** The pipeline; default pipelineFor(settings). */
  steps?: readonly Step[]
  cancel: AbortSignal
  /** Extra environment per deployment (temporary credentials of its account's role). */
  deploymentEnv?: (d: SelectedDeployment) => Promise<Record<string, string>>
}

/**
 * Runs the selected deployments on the worker pool and returns the summary.
 * It writes nothing itself: every output (progress, summary.json, history,
 * audit, comments) is an observer receiving the run's events in order.
 */
export async function executeRun(input: RunInput): Promise<RunSummary> {
  const { settings } = input
  const observer = combineObservers(input.observers, input.onObserverError)
  const startedAt = new Date()
  const byId = new Map(input.deployments.map((d) => [d.id, d]))
  // Destroying goes the other way: dependents first.
  const graph = settings.destroy ? dependentsOf(input.graph) : input.graph
  const levels = settings.destroy ? [...input.levels].reverse() : input.levels
  const estimates = input.estimates ?? {}
  const priority = criticalPathLengths(graph, (id) => estimates[id] ?? DEFAULT_ESTIMATE_MS)
  const steps = input.steps ?? pipelineFor(settings)
  const results = new Map<string, DeploymentResult>()
  const initGate = new InitGate()
  const folders = runFolders()
  // Events reach observers one at a time, in the order they happened.
  let chain: Promise<void> = Promise.resolve()
  const emit = (event: () => unknown): Promise<void> => (chain = chain.then(event).then(() => undefined))
  // A worker goes on without waiting for the observers of its start and phases (they may be busy with another
  // deployment's audit record); they get the result as it was then. It waits for its own deploymentFinished, so
  // its record is written before it takes the next deployment. With --debug, output lines are printed directly:
  // the progress before them must be out first.
  const queued = (event: () => unknown): Promise<void> | undefined => (settings.debug ? emit(event) : void emit(event))
  await emit(() => observer.runStarted({ settings, deployments: input.deployments, levels, binary: input.binary, startedAt }))

  const stats = await runPool({
    graph,
    priority,
    workers: settings.workers,
    cancel: input.cancel,
    throttle: settings.throttle,
    levels: settings.strategy === 'levels' ? levels : undefined,
    runUnit: async (id, workerId) => {
      const d = byId.get(id) as SelectedDeployment
      await queued(() => observer.deploymentStarted(d, workerId))
      const result = await runDeployment(d, {
        settings,
        steps,
        exec: input.exec,
        store: input.store,
        initGate,
        policyGate: input.policyGate,
        cancel: input.cancel,
        workerId,
        onPhase: (phase, r) => {
          const soFar: DeploymentResult = { ...r, phases: { ...r.phases }, retries: [...r.retries] }
          return queued(() => observer.phaseFinished(phase, soFar))
        },
        deploymentEnv: input.deploymentEnv,
        folders,
        onOutputLine: settings.debug ? (line) => observer.outputLine(d.id, line) : undefined
      })
      results.set(id, result)
      await emit(() => observer.deploymentFinished(result))
      return result.status === 'succeeded'
    },
    onSkip: (id, because) => {
      const result = notStartedResult(byId.get(id) as SelectedDeployment, because, input.cancel.aborted)
      results.set(id, result)
      void emit(() => observer.deploymentFinished(result))
    }
  })

  const finishedAt = new Date()
  const ordered = levels.flat().map((id) => results.get(id) as DeploymentResult)
  const summary: RunSummary = {
    runId: settings.runId,
    command: settings.command,
    destroy: settings.destroy,
    binary: input.binary,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    workers: settings.workers,
    executionLevels: levels,
    parallelDeployments: stats.maxParallel,
    cancelled: input.cancel.aborted,
    totals: totalsOf(ordered, settings.command),
    deployments: ordered
  }
  await emit(() => observer.runFinished(summary))
  return summary
}
