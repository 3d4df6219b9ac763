import type { PlanCounts } from '../terraform/plan-summary.js'

/** `on_failure`: what happens after an apply fails. */
export type OnFailure = 'report' | 'reapply-previous' | 'restore-state'

/** What was done after a failed apply (summary.json `recovery`). */
export interface RecoveryRecord {
  mode: OnFailure
  /**
   * reported: nothing rolled back (report); nothing-to-do: the state did not change;
   * reapplied / restored: undone; refused: not safe or not possible (see message);
   * blocked: the policy gate refused the re-apply plan; failed: the attempt failed.
   */
  outcome: 'reported' | 'nothing-to-do' | 'reapplied' | 'restored' | 'refused' | 'blocked' | 'failed'
  message: string
  /** restore-state: the resources a copy-back would orphan. */
  orphans?: string[]
  /** reapply-previous: what the re-apply plan did. */
  counts?: PlanCounts
  /** The base revision re-applied. */
  ref?: string
  /** Commands the operator can run (shell, one per line), for example to re-apply or restore by hand. */
  commands?: string[]
}

/** State OpenTofu could not save at the end of an apply (its errored.tfstate). */
export interface ErroredStateRecord {
  /** Where the file is kept (the deployment's own working directory). */
  file: string
  /** Pushed back to the store (then `file` is the kept copy). */
  pushed: boolean
  /** Why it was not pushed. */
  reason?: string
  /** The exact command that pushes it. */
  command: string
}

/** OpenTofu's words when the backend write at the end of an apply failed. */
export function failedToSaveState(output: string): boolean {
  return /Failed to save state|Failed to persist state to backend/.test(output)
}

/** A word as one shell argument (single-quoted when it needs quoting). */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

/** `cd DIR && TF_DATA_DIR=... BINARY args...`: a command as the orchestrator runs it, for people to paste. */
export function commandIn(dir: string, dataDir: string, binary: string, args: readonly string[]): string {
  return `cd ${shellWord(dir)} && TF_DATA_DIR=${shellWord(dataDir)} ${[binary, ...args].map(shellWord).join(' ')}`
}
