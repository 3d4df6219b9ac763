import { randomUUID } from 'node:crypto'
import { getPriority, setPriority } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { signalTree, TOKEN_VARIABLE, watchTree } from './process-tree.js'
import { startTool, type ToolStarter } from './spawn-tool.js'

export interface CommandOptions {
  cwd: string
  env: Record<string, string>
  /** Aborting interrupts the command: SIGINT to the tool, then after `graceMs` SIGKILL to the whole tree. */
  signal?: AbortSignal
  graceMs?: number
  /** Called with every line the command prints (stdout and stderr). */
  onLine?: (line: string) => void
  /** Appends what the command prints (stdout and stderr, as printed) to this file; the result then has it in `output` only. */
  liveLog?: string
  /** stdout is data the caller reads (a plan's JSON, a state): it stays out of every log. */
  stdoutIsData?: boolean
  /**
   * Called with the process ids of the command's tree so a run can record them
   * for the run after it if it dies: the tool's own pid as it starts, then the
   * whole tree (its provisioners and their children) whenever it grew, looked up
   * only while the command lasts (every second: a quick command costs no /proc scan).
   */
  onChildPids?: (pids: number[], startTimes?: ReadonlyMap<number, string>) => void
  /**
   * The exit codes that mean success (default [0]; plan -detailed-exitcode: [0, 2]).
   * Only after another exit, or an interruption, is the command's tree swept.
   */
  successCodes?: readonly number[]
  /**
   * Nothing waits for this command to start the next one (a plan's JSON shown
   * beside its apply): it runs at BACKGROUND_NICE, on the CPU time the commands
   * other deployments wait for leave idle, instead of competing with them.
   */
  background?: boolean
}

/** The niceness added to a background command (as `nice` adds by default). */
export const BACKGROUND_NICE = 10

export interface CommandResult {
  /** null when the process was ended by a signal. */
  exitCode: number | null
  /** Empty when the command had a live log (`output` has both streams). */
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
 * The real executor, over a way to start commands (`start`): an argument array
 * (never a shell string), quiet unless `onLine` prints, and a process-tree
 * token so a timeout or cancellation can end every descendant (for example a
 * local-exec `sleep`), even re-parented ones.
 */
export function executorWith(start: ToolStarter): Executor {
  return async (tool, args, options) => {
    const started = Date.now()
    // Cancelled before it started (for example while waiting for the init gate): do not start it.
    if (options.signal?.aborted) return { exitCode: null, stdout: '', stderr: '', output: '', interrupted: true, durationMs: 0 }
    const token = randomUUID()
    let interrupted = false
    const running = start(tool, args, options.cwd, { ...options.env, [TOKEN_VARIABLE]: token }, { onLine: options.onLine, liveLog: options.liveLog })
    let unwatch: (() => void) | undefined
    // The tool's own pid as it starts (no /proc lookup); the deeper tree is watched while it runs.
    running.whenStarted((pid, startTime) => {
      if (options.background) lowerPriority(pid)
      options.onChildPids?.([pid], startTime === undefined ? undefined : new Map([[pid, startTime]]))
      if (options.onChildPids) unwatch = watchTree(token, options.onChildPids, [pid])
    })
    const onAbort = (): void => {
      interrupted = true
      running.kill('SIGINT')
      void sleep(options.graceMs ?? 10_000, undefined, { ref: false }).then(() => {
        running.kill('SIGKILL')
        signalTree(token, 'SIGKILL')
      })
    }
    options.signal?.addEventListener('abort', onAbort, { once: true })
    let failed = true
    try {
      const r = await running.done
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
}

/** A hint only: the command may have ended already, or the system may refuse. Its children started later inherit it. */
function lowerPriority(pid: number): void {
  try {
    setPriority(pid, Math.min(19, getPriority() + BACKGROUND_NICE))
  } catch {
    // Gone already, or not allowed: it runs at our priority.
  }
}

/** Every command started from this process. */
export const execCommand: Executor = executorWith(startTool)
