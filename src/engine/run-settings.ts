import type { OnFailure } from '../recovery/recovery-record.js'

/** Everything the engine needs for a run, already resolved: it never reads configuration itself. */
export interface RunSettings {
  command: 'plan' | 'apply'
  /** Plan (and apply) destruction, in reverse dependency order. Only with an explicit flag. */
  destroy: boolean
  workingDir: string
  /** The binary to run (name on PATH or absolute path). */
  binary: string
  /** OPA, for the policy gate. */
  opaBinary: string
  workers: number
  timeoutMs: number
  /** After SIGINT, how long a child gets to stop cleanly before the whole tree is killed. */
  graceMs: number
  retry: { maxAttempts: number; initialDelayMs: number; patterns: string[] }
  throttle: { size?: number; windowMs: number }
  /** .tf-orchestrator/work: one TF_DATA_DIR per deployment below it. */
  workDir: string
  /** .tf-orchestrator/runs/<run-id> */
  runDir: string
  runId: string
  /** Shared provider plugin cache. */
  pluginCacheDir: string
  /** File of recorded durations, for critical-path estimates. */
  historyFile: string
  debug: boolean
  noColor: boolean
  /** `levels` runs level by level (the older design); only the benchmark uses it. */
  strategy: 'dag' | 'levels'
  /** Environment for the children (secrets included; never printed). */
  env: Record<string, string>
  /** After a failed apply (`on_failure`); absent means report. */
  onFailure?: OnFailure
  /** The configuration revision reapply-previous applies: `--previous-ref`, else `--base-ref`. */
  previousRef?: string
  /** How long a deployment waits for another run's lock (`lock_timeout`); absent means 5 minutes. */
  lockTimeoutMs?: number
  /** Between looks at a held run lock; absent means 2 seconds. */
  lockPollMs?: number
  /** Review mode (`--review`): a plan run stores its plans for the pull request, an apply run applies exactly the stored ones. */
  review?: ReviewSettings
  /** How long a pull request's deployment lock lasts without a new plan (default 7 days). */
  prLockTtlMs?: number
}

/** The pull request a run stores plans for (plan) or applies reviewed plans of (apply); see src/plans/. */
export interface ReviewSettings {
  repository: string
  pullRequest: number
  headSha: string
  mode: 'store' | 'apply-reviewed'
  /** Days a stored plan is kept (default 30). */
  planRetentionDays?: number
  /** Each deployment's transitive dependencies in this run (absent: every deployment applied earlier counts as upstream). */
  upstream?: Readonly<Record<string, readonly string[]>>
}

/** Estimate for a deployment never seen before. */
export const DEFAULT_ESTIMATE_MS = 60_000
