import { stripAnsi } from '../render/strip-ansi.js'

/** Where commands write: `out` is the result (stdout), `err` everything else (stderr); tests pass their own. */
export interface Output {
  out(text: string): void
  err(text: string): void
}

/** Whether a write failed because the reader went away (`| head`). */
const isPipeClosed = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'EPIPE'

/**
 * A stream writer that stops quietly once its reader has gone, instead of dying
 * with a stack trace. Lines written in one turn of the event loop go out in one
 * write (a run of 10,000 deployments prints ten progress lines for each; a
 * write per line costs a system call each on a pipe), and whatever is pending
 * is written when the process exits.
 */
function writer(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false
  let pending: string[] = []
  stream.on('error', (error) => {
    if (!isPipeClosed(error)) throw error
    closed = true
  })
  const flush = (): void => {
    const text = pending.join('')
    pending = []
    if (closed || text === '') return
    try {
      stream.write(text)
    } catch (error) {
      if (!isPipeClosed(error)) throw error
      closed = true
    }
  }
  process.once('exit', flush)
  return (text) => {
    if (closed) return
    if (pending.length === 0) setImmediate(flush)
    pending.push(text.endsWith('\n') ? text : `${text}\n`)
  }
}

/** stdout and stderr; without colours (ANSI codes stripped) when `noColor`. */
export function processOutput(noColor: boolean): Output {
  const out = writer(process.stdout)
  const err = writer(process.stderr)
  const clean = (text: string): string => (noColor ? stripAnsi(text) : text)
  return { out: (text) => out(clean(text)), err: (text) => err(clean(text)) }
}

/** `output` with every line stripped of ANSI codes when `noColor` (for outputs passed in, such as tests'). */
export function plainOutput(output: Output, noColor: boolean): Output {
  return noColor ? { out: (text) => output.out(stripAnsi(text)), err: (text) => output.err(stripAnsi(text)) } : output
}
