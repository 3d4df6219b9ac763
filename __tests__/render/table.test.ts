import fc from 'fast-check'
import { renderTable } from '../../src/render/table.js'

/** The table as it was first written (spreads, padEnd and trimEnd per line): the reference the faster one must match. */
function reference(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd()
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

const cell = fc.constantFrom('', 'a', 'kms', 'acct-000/region-0/p00001', ' ', 'x ', '\t', 'é', 'a\u3000', 'long cell with spaces')
const row = fc.array(cell, { maxLength: 5 })

describe('renderTable', () => {
  it('gives the same text as the reference, for any headers and rows (short, long, empty and white-space cells)', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 4 }), fc.array(row, { maxLength: 6 }), (headers, rows) => {
        expect(renderTable(headers, rows)).toBe(reference(headers, rows))
      }),
      { numRuns: 2000 }
    )
  })
})
