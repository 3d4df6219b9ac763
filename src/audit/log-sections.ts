/** One attempt of one phase in a deployment's log file. */
export interface LogSection {
  phase: string
  attempt: number
  /** The exit code as written (`null` when the process was killed by a signal). */
  exitCode: number | null
  output: string
}

// The engine appends `\n=== <phase> (attempt N, exit C) ===\n<output>` per attempt (run-deployment.ts).
const HEADER = /^=== ([a-z][a-z-]*) \(attempt (\d+), exit (-?\d+|null|undefined)\) ===$/

/**
 * Splits a deployment log into its sections (pure). Each section's output is
 * exactly what the command printed: the newline that precedes the next header
 * was written with that header. Text before the first header is ignored.
 */
export function parseLogSections(text: string): LogSection[] {
  const sections: LogSection[] = []
  const lines = text.split('\n')
  let current: { section: LogSection; lines: string[] } | undefined
  const close = (): void => {
    if (!current) return
    current.section.output = current.lines.join('\n')
    sections.push(current.section)
  }
  for (const line of lines) {
    const m = line.match(HEADER)
    if (m?.[1] && m[2] && m[3]) {
      close()
      const code = m[3] === 'null' || m[3] === 'undefined' ? null : Number(m[3])
      current = { section: { phase: m[1], attempt: Number(m[2]), exitCode: code, output: '' }, lines: [] }
    } else {
      current?.lines.push(line)
    }
  }
  close()
  return sections
}

/**
 * Full output per phase (pure): every attempt of a phase, in order, each under its
 * own header line, so retries and exit codes stay visible in the audit record.
 */
export function phaseOutputs(sections: readonly LogSection[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const s of sections) {
    const part = `=== ${s.phase} (attempt ${s.attempt}, exit ${s.exitCode}) ===\n${s.output}`
    out[s.phase] = out[s.phase] === undefined ? part : `${out[s.phase]}\n${part}`
  }
  return out
}
