import { exec } from '@actions/exec'
import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { signalTool, signalTree, TOKEN_VARIABLE, watchTree } from './process-tree.js'

export interface CommandOptions {
  cwd: string
  env: Record<string, string>
  /** Aborting interrupts the command: SIGINT to the tool, then after `graceMs` SIGKILL to the whole tree. */
  signal?: AbortSignal
  graceMs?: number
  /** Called with every line the command prints (stdout and stderr). */
  onLine?: (line: string) => void
  /**
   * Called with the process ids of the command's whole tree (the tool, its
   * provisioners and their children) soon after it starts and whenever the tree
   * grows, so a run can record them for the run after it if it dies.
   */
  onChildPids?: (pids: number[]) => void
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

/** Runs one command through @actions/exec. */
export type Executor = (tool: string, args: readonly string[], options: CommandOptions) => Promise<CommandResult>

const discard = (): Writable => new Writable({ write: (_chunk, _enc, done) => done() })

/**
 * The real executor: an argument array (never a shell string), quiet unless
 * `onLine` prints, and a process-tree token so a timeout or cancellation can end
 * every descendant (for example a local-exec `sleep`).
 */
export const execCommand: Executor = async (tool, args, options) => {
  const started = Date.now()
  // Cancelled before it started (for example while waiting for the init gate): do not start it.
  if (options.signal?.aborted) return { exitCode: null, stdout: '', stderr: '', output: '', interrupted: true, durationMs: 0 }
  const token = randomUUID()
  let stdout = ''
  let stderr = ''
  let output = ''
  let interrupted = false
  let sweep = true
  const line = (text: string): void => options.onLine?.(text)
  const onAbort = (): void => {
    interrupted = true
    signalTool(token, 'SIGINT')
    void sleep(options.graceMs ?? 10_000, undefined, { ref: false }).then(() => signalTree(token, 'SIGKILL'))
  }
  if (options.signal?.aborted) onAbort()
  else options.signal?.addEventListener('abort', onAbort, { once: true })
  const unwatch = options.onChildPids ? watchTree(token, options.onChildPids) : undefined
  try {
    const exitCode = await exec(tool, [...args], {
      cwd: options.cwd,
      env: { ...options.env, [TOKEN_VARIABLE]: token },
      silent: true,
      ignoreReturnCode: true,
      outStream: discard(),
      errStream: discard(),
      delay: 2_000,
      listeners: {
        stdout: (data) => {
          stdout += data.toString()
          output += data.toString()
        },
        stderr: (data) => {
          stderr += data.toString()
          output += data.toString()
        },
        stdline: line,
        errline: line
      }
    })
    sweep = exitCode !== 0
    return { exitCode: interrupted && exitCode !== 0 ? null : exitCode, stdout, stderr, output, interrupted, durationMs: Date.now() - started }
  } finally {
    unwatch?.()
    options.signal?.removeEventListener('abort', onAbort)
    // Nothing of a failed or interrupted command may outlive it (a provisioner's orphaned child, say).
    // The sweep reads /proc, so a command that succeeded is not swept.
    if (sweep || interrupted) signalTree(token, 'SIGKILL')
  }
}
