import type { RunSummary } from '../model/run-result.js'
import { duration, markdownTable } from './markdown.js'

/** How well the run used its workers. */
export interface RunKpis {
  /** Wall clock of the run (makespan). */
  makespanMs: number
  /** Sum of every deployment's own duration. */
  totalWorkMs: number
  workers: number
  /** The most deployments that ran at once. */
  parallelism: number
  /** Total work / makespan: how many times faster than one at a time. */
  speedup: number
  /** Total work / (makespan x workers): the share of worker time spent working. */
  utilization: number
  deployments: number
}

/** The run's KPIs from its summary (0 where the run took no time). */
export function runKpis(summary: RunSummary): RunKpis {
  const totalWorkMs = summary.deployments.reduce((n, r) => n + r.durationMs, 0)
  const makespanMs = summary.durationMs
  return {
    makespanMs,
    totalWorkMs,
    workers: summary.workers,
    parallelism: summary.parallelDeployments,
    speedup: makespanMs > 0 ? totalWorkMs / makespanMs : 0,
    utilization: makespanMs > 0 && summary.workers > 0 ? totalWorkMs / (makespanMs * summary.workers) : 0,
    deployments: summary.deployments.length
  }
}

/** The KPIs as a two-column Markdown table. */
export function kpiTable(k: RunKpis): string {
  return markdownTable(
    ['KPI', 'Value'],
    [
      ['Duration (makespan)', duration(k.makespanMs)],
      ['Total work (sum of deployment durations)', duration(k.totalWorkMs)],
      ['Speedup (total work / makespan)', `${k.speedup.toFixed(2)}x`],
      ['Parallelism reached / workers', `${k.parallelism} / ${k.workers}`],
      ['Worker utilization', `${Math.round(k.utilization * 100)}%`],
      ['Deployments', String(k.deployments)]
    ]
  )
}
