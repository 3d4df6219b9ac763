import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'

/** What a command printed and how it ended. */
export interface Captured {
  /** null when the process was ended by a signal. */
  exitCode: number | null
  /** Empty when the command had a live log (its two streams are one there: see `output`). */
  stdout: string
  stderr: string
  /** stdout and stderr interleaved as printed. */
  output: string
}

/** Where a command's output goes besides the result. */
export interface ToolOutput {
  /** Hears every complete line of stdout and stderr as printed, and the unterminated last one at the end. */
  onLine?: (line: string) => void
  /** Appends stdout and stderr, interleaved as printed, to this file (a deployment's live log). */
  liveLog?: string
}

/** A started command. */
export interface RunningTool {
  /**
   * Calls `listener` with the tool's pid once it runs: at once when the pid is already known.
   * `startTime`: its /proc start time when the starter read it already (the Python spawner does).
   */
  whenStarted(listener: (pid: number, startTime?: string) => void): void
  /** Signals the tool (not its tree); nothing once it has ended. */
  kill(signal: NodeJS.Signals): void
  /** Settles when the command has ended; rejects only when it could not be started. */
  done: Promise<Captured>
}

/** Starts `tool` with an argument array, a whole environment, stdin from /dev/null. */
export type ToolStarter = (tool: string, args: readonly string[], cwd: string, env: Record<string, string>, output: ToolOutput) => RunningTool

/** How long output may still flow once the tool exited: a grandchild holding its pipes must not hold the command up. */
const DRAIN_MS = 2_000

/**
 * Starts `tool` from this process (no shell, no PATH search of our own: the
 * binary is resolved once per run) and collects its output through pipes.
 * `done` settles when the tool's pipes close, or DRAIN_MS after it exited if
 * something it started still holds them. The spawner (spawner.ts) is the
 * cheaper way at scale; this one serves `onLine` and machines without Perl.
 */
export const startTool: ToolStarter = (tool, args, cwd, env, output) => {
  const child = spawn(tool, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const captured: Captured = { exitCode: null, stdout: '', stderr: '', output: '' }
  const { onLine, liveLog } = output
  const log = liveLog && child.pid !== undefined ? createWriteStream(liveLog, { flags: 'a' }).on('error', () => undefined) : undefined
  const partial = { stdout: '', stderr: '' }
  const take = (stream: 'stdout' | 'stderr') => (text: string) => {
    if (!log) captured[stream] += text
    captured.output += text
    log?.write(text)
    if (!onLine) return
    const lines = (partial[stream] + text).split('\n')
    partial[stream] = lines.pop() ?? ''
    for (const line of lines) onLine(line)
  }
  // A decoder per stream: a character split between two reads stays whole.
  child.stdout?.setEncoding('utf8').on('data', take('stdout'))
  child.stderr?.setEncoding('utf8').on('data', take('stderr'))
  const done = new Promise<Captured>((resolve, reject) => {
    let drain: NodeJS.Timeout | undefined
    const finish = (): void => {
      clearTimeout(drain)
      child.removeAllListeners()
      for (const rest of [partial.stdout, partial.stderr]) if (rest && onLine) onLine(rest)
      partial.stdout = partial.stderr = ''
      // The live log holds the whole output before the command counts as ended.
      if (log) log.end(() => resolve({ ...captured }))
      else resolve({ ...captured })
    }
    child.on('error', (error) => {
      // Only a failed start rejects (a failed kill of a running tool also lands here).
      if (child.pid !== undefined) return
      clearTimeout(drain)
      child.removeAllListeners()
      reject(new Error(`cannot run ${tool} in ${cwd}: ${error.message}`))
    })
    child.on('exit', (code) => {
      captured.exitCode = code
      drain = setTimeout(finish, DRAIN_MS)
    })
    child.on('close', (code) => {
      captured.exitCode = code
      finish()
    })
  })
  return {
    whenStarted: (listener) => {
      if (child.pid !== undefined) listener(child.pid)
    },
    kill: (signal) => void child.kill(signal),
    done
  }
}
