import type { DeploymentStatus } from '../model/run-result.js'
import type { IndexEntry } from './history-index.js'

/** Statuses that count as the deployment's own failure (skipped and cancelled are not). */
export const FAILURE_STATUSES: ReadonlySet<DeploymentStatus> = new Set(['failed', 'blocked', 'timed-out'])

/** Whether an entry is a failure of its deployment. */
export const isFailure = (e: IndexEntry): boolean => FAILURE_STATUSES.has(e.status)

/**
 * Nearest-rank percentile of ascending `sorted` values: the value at rank
 * ceil(p/100 * n) (1-based), so p50 of [1,2,3,4] is 2 and p95 of 20 values is the 19th.
 * Undefined for no values.
 */
export function nearestRank(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]
}

export interface Recovery {
  deploymentId: string
  /** When the first failure of the streak finished. */
  failedAt: string
  /** When the next successful run finished. */
  recoveredAt: string
  durationMs: number
  /** Failed runs in the streak. */
  failures: number
}

export interface Unrecovered {
  deploymentId: string
  failedAt: string
  failures: number
  lastError?: string
}

/**
 * Recoveries per deployment (pure). Walking each deployment's entries in time
 * order, a failure opens an incident (later failures join it) and the next
 * `succeeded` closes it: recovery time = success.finishedAt - first failure's
 * finishedAt. Skipped and cancelled runs neither open nor close one. Incidents
 * still open at the end are returned as unrecovered. MTTR is the mean over recoveries.
 */
export function recoveries(entries: readonly IndexEntry[]): { recoveries: Recovery[]; unrecovered: Unrecovered[] } {
  const byDeployment = new Map<string, IndexEntry[]>()
  for (const e of entries) {
    const list = byDeployment.get(e.deploymentId)
    if (list) list.push(e)
    else byDeployment.set(e.deploymentId, [e])
  }
  const done: Recovery[] = []
  const open: Unrecovered[] = []
  for (const [id, list] of [...byDeployment].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt) || a.runId.localeCompare(b.runId))
    let incident: Unrecovered | undefined
    for (const e of list) {
      if (isFailure(e)) {
        if (incident) incident.failures++
        else incident = { deploymentId: id, failedAt: e.finishedAt, failures: 1 }
        incident.lastError = e.error
      } else if (e.status === 'succeeded' && incident) {
        const durationMs = Date.parse(e.finishedAt) - Date.parse(incident.failedAt)
        done.push({ deploymentId: id, failedAt: incident.failedAt, recoveredAt: e.finishedAt, durationMs, failures: incident.failures })
        incident = undefined
      }
    }
    if (incident) open.push(JSON.parse(JSON.stringify(incident)) as Unrecovered)
  }
  return { recoveries: done, unrecovered: open }
}

/** Mean of values, undefined when there are none. */
export const mean = (values: readonly number[]): number | undefined =>
  values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length
