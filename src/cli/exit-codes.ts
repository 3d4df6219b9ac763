/** Exit codes of the CLI (documented in the README). */
export const ExitCode = {
  /** Everything selected succeeded (or there was nothing to do). */
  Ok: 0,
  /** At least one deployment failed, was blocked by policy, timed out or was skipped. */
  RunFailed: 1,
  /** Bad usage, configuration, discovery or graph: nothing was run. */
  Usage: 2,
  /** Interrupted by SIGINT / SIGTERM. */
  Cancelled: 130
} as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]
