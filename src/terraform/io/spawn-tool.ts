import { spawn, type ChildProcess } from 'node:child_process'

/** What a command printed and how it ended. */
export interface Captured {
  /** null when the process was ended by a signal. */
  exitCode: number | null
  stdout: string
  stderr: string
  /** stdout and stderr interleaved as printed. */
  output: string
}

/** How long output may still flow once the tool exited: a grandchild holding its pipes must not hold the command up. */
const DRAIN_MS = 2_000

/**
 * Starts `tool` with an argument array (no shell, no PATH search of our own:
 * the binary is resolved once per run), stdin from /dev/null, and collects its
 * output; `onLine` hears every complete line of stdout and stderr, and the
 * unterminated last one at the end. `done` settles when the tool's pipes close,
 * or DRAIN_MS after it exited if something it started still holds them.
 */
export function startTool(
  tool: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
  onLine?: (line: string) => void
): { child: ChildProcess; done: Promise<Captured> } {
  const child = spawn(tool, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const captured: Captured = { exitCode: null, stdout: '', stderr: '', output: '' }
  const partial = { stdout: '', stderr: '' }
  const take = (stream: 'stdout' | 'stderr') => (text: string) => {
    captured[stream] += text
    captured.output += text
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
      resolve({ ...captured })
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
  return { child, done }
}
