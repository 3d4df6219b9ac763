import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { signalTree, TOKEN_VARIABLE, watchTree } from './process-tree.js'
import { startTool } from './spawn-tool.js'

export interface CommandOptions {
  cwd: string
  env: Record<string, string>
  /** Aborting interrupts the command: SIGINT to the tool, then after `graceMs` SIGKILL to the whole tree. */
  signal?: AbortSignal
  graceMs?: number
  /** Called with every line the command prints (stdout and stderr). */
  onLine?: (line: string) => void
  /**
   * Called with the process ids of the command's tree so a run can record them
   * for the run after it if it dies: the tool's own pid as it starts, then the
   * whole tree (its provisioners and their children) whenever it grew, looked up
   * only while the command lasts (after 50 ms, then every second).
   */
  onChildPids?: (pids: number[]) => void
  /**
   * The exit codes that mean success (default [0]; plan -detailed-exitcode: [0, 2]).
   * Only after another exit, or an interruption, is the command's tree swept.
   */
  successCodes?: readonly number[]
}

export interface CommandResult {
  /** null when the process was ended by a signal. */
  exitCode: number | null
  stdout: string
  stderr: string
  /** stdout and stderr interleaved as printed. */
  output: string
  interrupted: boolean
  durationMs: number
}

/** Runs one command. */
export type Executor = (tool: string, args: readonly string[], options: CommandOptions) => Promise<CommandResult>

/**
 * The real executor: an argument array (never a shell string), quiet unless
 * `onLine` prints, and a process-tree token so a timeout or cancellation can end
 * every descendant (for example a local-exec `sleep`), even re-parented ones.
 */
export const execCommand: Executor = async (tool, args, options) => {
  const started = Date.now()
  // Cancelled before it started (for example while waiting for the init gate): do not start it.
  if (options.signal?.aborted) return { exitCode: null, stdout: '', stderr: '', output: '', interrupted: true, durationMs: 0 }
  const token = randomUUID()
  let interrupted = false
  const { child, done } = startTool(tool, args, options.cwd, { ...options.env, [TOKEN_VARIABLE]: token }, options.onLine)
  // Our own child: its pid is known now, no /proc lookup needed (the deeper tree is watched below).
  if (child.pid !== undefined) options.onChildPids?.([child.pid])
  const onAbort = (): void => {
    interrupted = true
    child.kill('SIGINT')
    void sleep(options.graceMs ?? 10_000, undefined, { ref: false }).then(() => {
      child.kill('SIGKILL')
      signalTree(token, 'SIGKILL')
    })
  }
  options.signal?.addEventListener('abort', onAbort, { once: true })
  const unwatch = options.onChildPids && child.pid !== undefined ? watchTree(token, options.onChildPids, [child.pid]) : undefined
  let failed = true
  try {
    const r = await done
    failed = r.exitCode === null || !(options.successCodes ?? [0]).includes(r.exitCode)
    return { ...r, exitCode: interrupted && r.exitCode !== 0 ? null : r.exitCode, interrupted, durationMs: Date.now() - started }
  } finally {
    unwatch?.()
    options.signal?.removeEventListener('abort', onAbort)
    // Nothing of a failed or interrupted command may outlive it (a provisioner's orphaned child, say).
    // The sweep reads every process's environment in /proc, so a command that succeeded is not swept.
    if (failed || interrupted) signalTree(token, 'SIGKILL')
  }
}
