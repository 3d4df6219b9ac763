// Shrinking plan text without hiding a change: only lines that say nothing about
// what will change go (hidden-attribute counts, refresh progress, context blocks).

const MARKER = /^(\s*)(-\/\+|\+\/-|<=|[+~-])\s/
const HIDDEN = /^\s*# \(\d+ unchanged [a-z ]+ hidden\)$/
const REFRESH = /^\S.*: (Refreshing state\.\.\.|Reading\.\.\.|Read complete after |Still reading\.\.\.)/
const OPENS = /[{[(]$/
const CLOSES = /^[}\])]/

/** Whether a diff line carries a change marker (+ ~ - -/+ +/- <=). */
export function hasChangeMarker(line: string): boolean {
  return MARKER.test(line)
}

/** The column where a diff line's content starts (after any change marker). */
function contentColumn(line: string): number {
  const m = MARKER.exec(line)
  if (m) return (m[1] as string).length + (m[2] as string).length + 1
  return line.length - line.trimStart().length
}

/**
 * Drops `# (N unchanged attributes hidden)` lines, refresh progress lines and
 * unchanged context blocks: a block opened on a line without a change marker
 * whose lines up to its closing bracket carry none either. A block whose end
 * cannot be found is kept. Single unchanged attributes (like `id`) stay as context.
 */
export function trimUnchangedNoise(text: string): string {
  const lines = text.split('\n').filter((l) => !HIDDEN.test(l) && !REFRESH.test(l))
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const end = hasChangeMarker(line) || !OPENS.test(line.trimEnd()) ? -1 : closingLine(lines, i)
    if (end > i && !lines.slice(i + 1, end).some(hasChangeMarker)) {
      i = end
      continue
    }
    out.push(line)
  }
  return out
    .filter((l, i) => l.trim() !== '' || (i > 0 && (out[i - 1] as string).trim() !== ''))
    .join('\n')
}

/** The index of the line closing the block opened at `open`, or -1. */
function closingLine(lines: readonly string[], open: number): number {
  const column = contentColumn(lines[open] as string)
  for (let i = open + 1; i < lines.length; i++) {
    const line = lines[i] as string
    if (line.trim() === '') continue
    const col = contentColumn(line)
    if (col === column && CLOSES.test(line.trimStart().replace(MARKER, ''))) return i
    if (col <= column) return -1 // dedented without closing: not a block we understand
  }
  return -1
}
