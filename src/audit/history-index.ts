import type { DeploymentStatus, Phase } from '../model/run-result.js'
import type { PlanCounts } from '../terraform/plan-summary.js'
import type { AuditRecord } from './audit-record.js'
import { jsonCopy } from './json-copy.js'

/**
 * The time index the report reads instead of the full records.
 *
 * Each deployment record gets one small create-only entry at
 * `audit-logs/_index/{YYYY}/{MM}/{DD}/{run id}/{deployment}.json`, written with the
 * record; when the run finishes, all its entries are written again as one object
 * `audit-logs/_index/{YYYY}/{MM}/{DD}/{run id}.json`. The day is the UTC day the run
 * started, so a run's objects share one day folder.
 *
 * `report --since N` lists only the day folders from (now - N - 1 day) to today (the
 * extra day catches runs that started before midnight and finished inside the
 * window; a run longer than a day that started earlier is not seen) and per run
 * reads one object: the rollup when it exists, else (a run that crashed before it
 * finished) that run's single entries. Entries are then filtered by their own time.
 */
export interface IndexEntry {
  schemaVersion: 1
  runId: string
  command: 'plan' | 'apply'
  destroy: boolean
  deploymentId: string
  account: string
  project: string
  services: string[]
  status: DeploymentStatus
  /** ISO time the deployment finished. */
  finishedAt: string
  durationMs: number
  /** Duration of each phase that ran, ms. */
  phases: Partial<Record<Phase, number>>
  counts?: PlanCounts
  applied?: boolean
  /** First line of the error, for the report. */
  error?: string
  /** Key of the full record. */
  recordKey: string
}

/** A run's entries in one object. */
export interface RunIndex {
  schemaVersion: 1
  runId: string
  runStartedAt: string
  entries: IndexEntry[]
}

/** The compact index entry of a record (pure). */
export function indexEntryFrom(record: AuditRecord, recordKey: string): IndexEntry {
  const phases: Partial<Record<Phase, number>> = {}
  for (const [phase, p] of Object.entries(record.phases) as [Phase, { durationMs: number }][]) phases[phase] = p.durationMs
  const entry: IndexEntry = {
    schemaVersion: 1,
    runId: record.runId,
    command: record.command,
    destroy: record.destroy,
    deploymentId: record.deployment.id,
    account: record.deployment.account,
    project: record.deployment.project,
    services: record.deployment.services,
    status: record.status,
    finishedAt: record.recordedAt,
    durationMs: record.durationMs,
    phases,
    counts: record.counts,
    applied: record.applied,
    error: record.error?.split('\n')[0]?.slice(0, 300),
    recordKey
  }
  // Without its undefined members: equal to what is read back.
  return jsonCopy(entry) as IndexEntry
}

const STATUSES: readonly string[] = ['succeeded', 'failed', 'blocked', 'timed-out', 'cancelled', 'skipped']

/** Whether a parsed JSON value is an index entry the report can use. */
export function isIndexEntry(value: unknown): value is IndexEntry {
  if (!value || typeof value !== 'object') return false
  const e = value as Record<string, unknown>
  return (
    e.schemaVersion === 1 &&
    typeof e.runId === 'string' &&
    typeof e.deploymentId === 'string' &&
    typeof e.status === 'string' &&
    STATUSES.includes(e.status) &&
    typeof e.finishedAt === 'string' &&
    !Number.isNaN(Date.parse(e.finishedAt)) &&
    typeof e.durationMs === 'number' &&
    typeof e.phases === 'object' &&
    e.phases !== null
  )
}

/** The entries of a parsed index object (a rollup or one entry); invalid entries are returned apart. */
export function entriesOf(value: unknown): { entries: IndexEntry[]; invalid: number } {
  const list = value && typeof value === 'object' && Array.isArray((value as RunIndex).entries) ? (value as RunIndex).entries : [value]
  const entries = list.filter(isIndexEntry)
  return { entries, invalid: list.length - entries.length }
}

/** The UTC days whose index folders can hold entries of the window (now - sinceMs, now]. */
export function indexDays(now: Date, sinceMs: number): Date[] {
  const DAY = 86_400_000
  const first = Math.floor((now.getTime() - sinceMs) / DAY) - 1
  const last = Math.floor(now.getTime() / DAY)
  const days: Date[] = []
  for (let d = first; d <= last; d++) days.push(new Date(d * DAY))
  return days
}
