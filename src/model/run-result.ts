import type { PlanCounts } from '../terraform/plan-summary.js'
import type { SelectionReason } from './deployment.js'
import type { PolicyVerdict } from '../policy/verdict.js'

export type DeploymentStatus = 'succeeded' | 'failed' | 'blocked' | 'timed-out' | 'cancelled' | 'skipped'
export type Phase = 'init' | 'plan' | 'show' | 'policy' | 'apply'

export interface PhaseRecord {
  /** ISO time the phase started (first attempt). */
  startedAt?: string
  durationMs: number
  attempts: number
  exitCode?: number | null
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
