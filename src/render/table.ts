/** A plain-text table with left-aligned, space-padded columns. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  // Loops and one shared padding string per width, instead of spreads and a padded copy of every cell: a fleet's table has ten thousand rows.
  const widths = headers.map((h) => h.length)
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly string[]
    for (let i = 0; i < widths.length; i++) {
      const length = (row[i] ?? '').length
      if (length > (widths[i] as number)) widths[i] = length
    }
  }
  const pads: string[] = []
  const line = (cells: readonly string[]): string => {
    const last = cells.length - 1
    let text = ''
    for (let i = 0; i <= last; i++) {
      const cell = cells[i] as string
      text += i === 0 ? cell : `  ${cell}`
      const missing = i === last ? 0 : (widths[i] ?? 0) - cell.length
      if (missing > 0) text += pads[missing] ?? (pads[missing] = ' '.repeat(missing))
    }
    // Only a line whose last cell is empty or ends in white space can end in white space.
    const end = cells[last]
    return end === undefined || end === '' || /\s$/.test(end) ? text.trimEnd() : text
  }
  const lines = [line(headers), line(widths.map((w) => '-'.repeat(w)))]
  for (let r = 0; r < rows.length; r++) lines.push(line(rows[r] as readonly string[]))
  return lines.join('\n')
}
