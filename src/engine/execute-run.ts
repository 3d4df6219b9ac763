import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DependencyGraph } from '../graph/dag.js'
import { dependentsOf } from '../graph/dag.js'
import type { SelectedDeployment } from '../model/deployment.js'
import type { DeploymentResult, RunSummary, RunTotals } from '../model/run-result.js'
import { criticalPathLengths } from '../schedule/critical-path.js'
import type { StateStore } from '../state/state-store.js'
import type { Executor } from '../terraform/io/executor.js'
import { binaryVersion } from '../terraform/io/terraform-cli.js'
import { which } from '@actions/io'
import { loadHistory, saveHistory } from './duration-history.js'
import { InitGate } from './init-gate.js'
import type { PolicyGate } from './policy-hook.js'
import type { ProgressReporter } from './progress-reporter.js'
import { DEFAULT_ESTIMATE_MS, type RunSettings } from './run-settings.js'
import { runDeployment } from './run-deployment.js'
import { runPool } from '../schedule/worker-pool.js'

export interface RunInput {
  deployments: readonly SelectedDeployment[]
  /** Dependencies among the selected deployments. */
  graph: DependencyGraph
  levels: string[][]
  settings: RunSettings
  exec: Executor
  store: StateStore
  policyGate?: PolicyGate
  reporter: ProgressReporter
  cancel: AbortSignal
}

/** Runs the selected deployments and writes summary.json; returns the summary. */
export async function executeRun(input: RunInput): Promise<RunSummary> {
  const { settings } = input
  const startedAt = new Date()
  const byId = new Map(input.deployments.map((d) => [d.id, d]))
  // Destroying goes the other way: dependents first.
  const graph = settings.destroy ? dependentsOf(input.graph) : input.graph
  const levels = settings.destroy ? [...input.levels].reverse() : input.levels
  const history = await loadHistory(settings.historyFile)
  const priority = criticalPathLengths(graph, (id) => history[id] ?? DEFAULT_ESTIMATE_MS)
  // Resolved once: every command then starts the same file without searching PATH.
  const binaryPath = (await which(settings.binary, false)) || settings.binary
  const binary = await binaryVersion(binaryPath)
  const runSettings: RunSettings = { ...settings, binary: binaryPath }
  await mkdir(settings.runDir, { recursive: true })
  await mkdir(settings.pluginCacheDir, { recursive: true })

  const results = new Map<string, DeploymentResult>()
  const initGate = new InitGate()
  const reporter = input.reporter
  reporter.begin(input.deployments.length)

  const stats = await runPool({
    graph,
    priority,
    workers: settings.workers,
    cancel: input.cancel,
    throttle: settings.throttle,
    levels: settings.strategy === 'levels' ? levels : undefined,
    runUnit: async (id, workerId) => {
      const d = byId.get(id) as SelectedDeployment
      reporter.started(d, workerId)
      const result = await runDeployment(d, {
        settings: runSettings,
        exec: input.exec,
        store: input.store,
        initGate,
        policyGate: input.policyGate,
        cancel: input.cancel,
        workerId,
        onPhase: (phase, r) => reporter.phase(phase, r),
        onOutputLine: settings.debug ? (line) => reporter.output(d.id, line) : undefined
      })
      results.set(id, result)
      reporter.finished(result)
      return result.status === 'succeeded'
    },
    onSkip: (id, because) => {
      const d = byId.get(id) as SelectedDeployment
      const result: DeploymentResult = {
        id,
        name: d.name,
        services: d.services,
        stateKey: d.stateKey,
        reasons: d.reasons,
        status: input.cancel.aborted && because === undefined ? 'cancelled' : 'skipped',
        phases: {},
        attempts: 0,
        retries: [],
        durationMs: 0,
        skippedBecause: because,
        error: because === undefined ? 'not started: the run was cancelled' : `dependency ${because} did not succeed`
      }
      results.set(id, result)
      reporter.finished(result)
    }
  })

  const finishedAt = new Date()
  const ordered = levels.flat().map((id) => results.get(id) as DeploymentResult)
  const summary: RunSummary = {
    runId: settings.runId,
    command: settings.command,
    destroy: settings.destroy,
    binary: { path: runSettings.binary, ...binary },
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
  await writeFile(join(settings.runDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`)
  await saveHistory(settings.historyFile, history, ordered)
  return summary
}

function totalsOf(results: readonly DeploymentResult[], command: 'plan' | 'apply'): RunTotals {
  const count = (status: DeploymentResult['status']): number => results.filter((r) => r.status === status).length
  const totals: RunTotals = {
    deployments: results.length,
    succeeded: count('succeeded'),
    failed: count('failed'),
    blocked: count('blocked'),
    timedOut: count('timed-out'),
    cancelled: count('cancelled'),
    skipped: count('skipped'),
    created: 0,
    changed: 0,
    destroyed: 0,
    replaced: 0
  }
  for (const r of results) {
    // For apply, count what was applied; for plan, what would be.
    if (!r.counts || (command === 'apply' && !r.applied)) continue
    totals.created += r.counts.create
    totals.changed += r.counts.update
    totals.destroyed += r.counts.delete
    totals.replaced += r.counts.replace
  }
  return totals
}
