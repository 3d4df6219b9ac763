import type { SelectedDeployment } from '../../model/deployment.js'
import type { DeploymentResult } from '../../model/run-result.js'
import type { RunObserver, RunStart } from '../../engine/run-observer.js'
import { ObjectExistsError, type ObjectStore } from '../../state/object-store.js'
import { auditAction, auditRecordKey, indexEntryKey, runIndexKey, runRecordKey } from '../audit-keys.js'
import { auditRecordToWrite, buildRunRecord, type AuditRunContext } from '../audit-record.js'
import type { CiContext } from '../ci-context.js'
import { indexEntryFrom, type IndexEntry, type RunIndex } from '../history-index.js'
import { readPhaseOutputs } from './phase-output-reader.js'

export interface AuditObserverOptions {
  store: ObjectStore
  /** Called loudly for every record that could not be written; the run goes on. */
  warn: (message: string) => void
  /** Full output per phase of a deployment (default: parsed from its log file). */
  phaseOutputs?: (deploymentId: string, logFile?: string) => Promise<Record<string, string>>
  ci?: CiContext
  /** The state backup taken before the deployment's apply, when there was one. */
  backupKey?: (result: DeploymentResult) => string | undefined
  now?: () => Date
}

const message = (error: unknown): string =>
  error instanceof ObjectExistsError ? `${error.key} already exists (create-only: an audit record is never overwritten)` : error instanceof Error ? error.message : String(error)

/**
 * Writes the audit trail (keys: audit-keys.ts): when a deployment finishes, its
 * record and its index entry; when the run finishes, the run record and the run's
 * index rollup. Every write is create-only; the store encrypts it server-side.
 * A failed write is reported through `warn` and never thrown, so it cannot hide
 * or change the deployment's own result.
 */
export function auditObserver(options: AuditObserverOptions): RunObserver {
  const { store, warn } = options
  const now = options.now ?? (() => new Date())
  const readOutputs = options.phaseOutputs ?? readPhaseOutputs
  const deployments = new Map<string, SelectedDeployment>()
  const peaks = new Map<string, number>()
  const entries = new Map<string, IndexEntry>()
  const recordKeys: Record<string, string> = {}
  const pending: Promise<void>[] = []
  let run: AuditRunContext | undefined

  const put = async (what: string, key: string, body: unknown): Promise<boolean> => {
    try {
      await store.put(key, `${JSON.stringify(body, null, 2)}\n`, { ifNoneMatch: true, contentType: 'application/json' })
      return true
    } catch (error) {
      warn(`AUDIT WRITE FAILED: ${what} not written to ${store.location}: ${message(error)}`)
      return false
    }
  }

  const record = async (result: DeploymentResult, peak: number): Promise<void> => {
    const d = deployments.get(result.id)
    if (!run || !d) return warn(`AUDIT WRITE FAILED: no record for ${result.id}: the run's start was not observed`)
    const finishedAt = result.startedAt ? new Date(Date.parse(result.startedAt) + result.durationMs) : now()
    let outputs: Record<string, string> = {}
    try {
      outputs = await readOutputs(result.id, result.logFile)
    } catch (error) {
      warn(`AUDIT: the output of ${result.id} could not be read (${message(error)}); its record is written without it`)
    }
    try {
      const rec = auditRecordToWrite({ result, deployment: d, run, outputs, finishedAt, parallelDeployments: peak, backupKey: options.backupKey?.(result) })
      const key = auditRecordKey({ account: d.account, project: d.project, action: rec.action, at: finishedAt, runId: run.runId, deploymentId: d.id })
      if (!(await put(`the audit record of ${result.id}`, key, rec))) return
      recordKeys[result.id] = key
      const entry = indexEntryFrom(rec, key)
      entries.set(result.id, entry)
      await put(`the index entry of ${result.id}`, indexEntryKey(new Date(run.runStartedAt), run.runId, d.id), entry)
    } catch (error) {
      warn(`AUDIT WRITE FAILED: the audit record of ${result.id}: ${message(error)}`)
    }
  }

  return {
    name: 'audit',
    runStarted(start: RunStart) {
      start.deployments.forEach((d) => deployments.set(d.id, d))
      const s = start.settings
      run = { runId: s.runId, command: s.command, destroy: s.destroy, runStartedAt: start.startedAt.toISOString(), binary: start.binary, workers: s.workers, ci: options.ci }
    },
    deploymentStarted(d) {
      // Every running deployment's peak is the most that ran beside it, itself included.
      peaks.set(d.id, 0)
      for (const id of peaks.keys()) peaks.set(id, Math.max(peaks.get(id) ?? 0, peaks.size))
    },
    async deploymentFinished(result) {
      const peak = peaks.get(result.id) ?? 0
      peaks.delete(result.id)
      const written = record(result, peak)
      pending.push(written)
      await written
    },
    async runFinished(summary) {
      await Promise.all(pending)
      if (!run) return warn(`AUDIT WRITE FAILED: no run record for ${summary.runId}: the run's start was not observed`)
      try {
        const started = new Date(run.runStartedAt)
        const action = auditAction(summary.command, summary.destroy)
        await put(`the run record of ${summary.runId}`, runRecordKey({ action, at: started, runId: summary.runId }), buildRunRecord(summary, recordKeys, options.ci))
        const rollup: RunIndex = { schemaVersion: 1, runId: run.runId, runStartedAt: run.runStartedAt, entries: summary.deployments.flatMap((r) => entries.get(r.id) ?? []) }
        await put(`the index of run ${summary.runId}`, runIndexKey(started, run.runId), rollup)
      } catch (error) {
        warn(`AUDIT WRITE FAILED: the run record of ${summary.runId}: ${message(error)}`)
      }
    }
  }
}
