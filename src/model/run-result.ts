import type { PlanCounts } from '../terraform/plan-summary.js'
import type { SelectionReason } from './deployment.js'
import type { PolicyVerdict } from '../policy/verdict.js'
import type { RunLockRecord } from '../locks/run-lock.js'
import type { StateCheck } from '../locks/state-health.js'
import type { ApplyChanges } from '../recovery/state-changes.js'
import type { ErroredStateRecord, RecoveryRecord } from '../recovery/recovery-record.js'

export type DeploymentStatus = 'succeeded' | 'failed' | 'blocked' | 'timed-out' | 'cancelled' | 'skipped'
/** key-check: the state key moved since the last apply? backup: the verified copy before apply. key-record: which key was applied. */
/** The phases the shipped steps record. */
export type KnownPhase = 'init' | 'plan' | 'show' | 'policy' | 'apply' | 'key-check' | 'backup' | 'key-record'
/** A step's phase name: a known one, or a new step's own (adding a step needs no change here). */
export type Phase = KnownPhase | (string & {})

/** The state backup taken before apply (summary.json). */
export interface BackupRecord {
  status: 'backed-up' | 'no-previous-state' | 'failed' | 'skipped'
  key?: string
  size?: number
  sha256?: string
  error?: string
}

export interface PhaseRecord {
  /** ISO time the phase started (first attempt). */
  startedAt?: string
  durationMs: number
  attempts: number
  exitCode?: number | null
  /** The phase had nothing to do and ran no command (show and policy of a plan without changes). */
  skipped?: boolean
}

/** The outcome of one deployment, as written to summary.json. */
export interface DeploymentResult {
  id: string
  name: string
  services: string[]
  stateKey: string
  reasons: SelectionReason[]
  status: DeploymentStatus
  /** plan: whether the plan has changes; apply: whether something was applied. */
  hasChanges?: boolean
  applied?: boolean
  counts?: PlanCounts
  phases: Partial<Record<Phase, PhaseRecord>>
  /** Attempts over all phases (1 per phase when nothing was retried). */
  attempts: number
  retries: { phase: Phase; attempt: number; matched: string; delayMs: number }[]
  workerId?: number
  /** ISO time the deployment started on its worker (absent when it never started). */
  startedAt?: string
  durationMs: number
  stateBytes?: number
  error?: string
  /** For skipped deployments: the failed deployment that caused the skip. */
  skippedBecause?: string
  logFile?: string
  planJsonFile?: string
  /** The policy verdict of its plan (denies, warnings, waivers used, errors). */
  policy?: PolicyVerdict
  /** The state backup before apply: its key, size and SHA-256, or why there is none. */
  backup?: BackupRecord
  /** The apply succeeded but the store could not record which state key it applied to (key moves go unnoticed until it can). */
  keyRecordError?: string
  /** A failed apply: what it really changed (state before and after, by resource address). */
  applyChanges?: ApplyChanges
  /** After a failed apply (on_failure): what was done, and the commands to undo it by hand. */
  recovery?: RecoveryRecord
  /** State OpenTofu could not save (errored.tfstate): where it is kept, whether it was pushed, the push command. */
  erroredState?: ErroredStateRecord
  /** The run lock held from plan to apply: how long it waited, the stale lock it replaced. */
  lock?: RunLockRecord
  /** The state check after a kill during apply: readable, restored from a backup, what to import. */
  stateCheck?: StateCheck
  /** Review mode: where the plan was stored (plan run); whether the reviewed plan was applied as stored, and if not why, with the diff of what changed since review (apply run). */
  reviewedPlan?: { used: boolean; stored?: string; reason?: string; diff?: string }
}

export interface RunTotals {
  deployments: number
  succeeded: number
  failed: number
  blocked: number
  timedOut: number
  cancelled: number
  skipped: number
  created: number
  changed: number
  destroyed: number
  replaced: number
}

/** summary.json of one run. */
export interface RunSummary {
  runId: string
  command: 'plan' | 'apply'
  destroy: boolean
  binary: { path: string; name: string; version: string }
  startedAt: string
  finishedAt: string
  durationMs: number
  workers: number
  executionLevels: string[][]
  /** The most deployments that ran at the same time. */
  parallelDeployments: number
  cancelled: boolean
  totals: RunTotals
  deployments: DeploymentResult[]
}
