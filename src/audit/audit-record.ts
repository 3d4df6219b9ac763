import type { SelectedDeployment, SelectionReason } from '../model/deployment.js'
import type { DeploymentResult, Phase, PhaseRecord, RunSummary } from '../model/run-result.js'
import type { PolicyVerdict } from '../policy/verdict.js'
import type { PlanCounts } from '../terraform/plan-summary.js'
import { auditAction, type AuditAction } from './audit-keys.js'
import type { CiContext } from './ci-context.js'
import { jsonCopy } from './json-copy.js'

/** What every record of a run shares. */
export interface AuditRunContext {
  runId: string
  command: 'plan' | 'apply'
  destroy: boolean
  /** When the run started (files its index entries; see audit-keys.ts). */
  runStartedAt: string
  binary: { path: string; name: string; version: string }
  /** Size of the worker pool. */
  workers: number
  ci?: CiContext
}

/** One deployment of one run, as stored at auditRecordKey (schema version 1). */
export interface AuditRecord {
  schemaVersion: 1
  kind: 'deployment'
  runId: string
  command: 'plan' | 'apply'
  destroy: boolean
  action: AuditAction
  /** ISO time the deployment finished: the record's time. */
  recordedAt: string
  deployment: {
    id: string
    name: string
    account: string
    region: string
    project: string
    services: string[]
    stateKey: string
    reasons: SelectionReason[]
  }
  status: DeploymentResult['status']
  error?: string
  skippedBecause?: string
  hasChanges?: boolean
  applied?: boolean
  startedAt?: string
  durationMs: number
  /** Per phase: duration, attempts, exit code. */
  phases: Partial<Record<Phase, PhaseRecord>>
  attempts: number
  retries: DeploymentResult['retries']
  counts?: PlanCounts
  stateBytes?: number
  /** Verdict, denies, warnings, waivers used, expired waivers, errors. */
  policy?: PolicyVerdict
  backupKey?: string
  /** The run lock and the pull-request lock: waits, takeovers (audited), who held it. */
  lock?: DeploymentResult['lock']
  workerId?: number
  /** The most deployments running at once while this one ran (itself included). */
  parallelDeployments: number
  workers: number
  binary: { path: string; name: string; version: string }
  ci?: CiContext
  /** Full, unredacted output of every phase that ran (see log-sections.ts). */
  outputs: Record<string, string>
}

/** The record of a whole run, stored at runRecordKey. */
export interface RunRecord {
  schemaVersion: 1
  kind: 'run'
  runId: string
  action: AuditAction
  ci?: CiContext
  executionLevels: string[][]
  /** Deployment id -> key of its record. */
  records: Record<string, string>
  summary: RunSummary
}

/** What a deployment's audit record is built from. `finishedAt` is when it finished. */
export interface AuditRecordInput {
  result: DeploymentResult
  deployment: SelectedDeployment
  run: AuditRunContext
  outputs: Record<string, string>
  finishedAt: Date
  parallelDeployments: number
  backupKey?: string
}

/** Builds a deployment's audit record (pure) without undefined members: equal to what is read back once written. */
export function buildAuditRecord(input: AuditRecordInput): AuditRecord {
  return jsonCopy(auditRecordToWrite(input)) as AuditRecord
}

/** The same record as handed to JSON.stringify (pure): members may be undefined, objects are the result's; no copy of every output to write it. */
export function auditRecordToWrite(input: AuditRecordInput): AuditRecord {
  const { result: r, deployment: d, run } = input
  const record: AuditRecord = {
    schemaVersion: 1,
    kind: 'deployment',
    runId: run.runId,
    command: run.command,
    destroy: run.destroy,
    action: auditAction(run.command, run.destroy),
    recordedAt: input.finishedAt.toISOString(),
    deployment: { id: d.id, name: d.name, account: d.account, region: d.region, project: d.project, services: [...r.services], stateKey: r.stateKey, reasons: r.reasons },
    status: r.status,
    error: r.error,
    skippedBecause: r.skippedBecause,
    hasChanges: r.hasChanges,
    applied: r.applied,
    startedAt: r.startedAt,
    durationMs: r.durationMs,
    phases: r.phases,
    attempts: r.attempts,
    retries: r.retries,
    counts: r.counts,
    stateBytes: r.stateBytes,
    policy: r.policy,
    backupKey: input.backupKey,
    ...(r.lock ? { lock: r.lock } : {}),
    workerId: r.workerId,
    parallelDeployments: input.parallelDeployments,
    workers: run.workers,
    binary: run.binary,
    ci: run.ci,
    outputs: input.outputs
  }
  return record
}

/** Builds the run's record from its summary (pure). */
export function buildRunRecord(summary: RunSummary, records: Record<string, string>, ci?: CiContext): RunRecord {
  const record: RunRecord = {
    schemaVersion: 1,
    kind: 'run',
    runId: summary.runId,
    action: auditAction(summary.command, summary.destroy),
    ci,
    executionLevels: summary.executionLevels,
    records,
    summary
  }
  return jsonCopy(record) as RunRecord
}
