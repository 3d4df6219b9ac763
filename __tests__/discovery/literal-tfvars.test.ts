import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseLiteralTfvars, SKIMMED, skimLiteralTfvars } from '../../src/discovery/literal-tfvars.js'
import { listFiles } from '../../src/discovery/io/scan-files.js'
import { parseInProcess } from '../../src/discovery/io/hcl/parse-in-process.js'
import { repoRoot } from '../helpers/temp-dir.js'

/** What HashiCorp's parser makes of `text`: its value (as JSON, key order included) or 'error'. */
async function real(text: string): Promise<string> {
  try {
    return JSON.stringify(await parseInProcess('t.tfvars', text))
  } catch {
    return 'error'
  }
}

let accepted = 0
/** The fast path either declines or returns exactly what the real parser returns. */
async function agrees(text: string): Promise<void> {
  const fast = parseLiteralTfvars(text)
  skimAgrees(text, fast)
  if (fast === undefined) return
  accepted++
  expect(JSON.stringify(fast)).toBe(await real(text))
}

/** The skim declines the same text, and gives the same names and scalars, with lists and objects SKIMMED. */
function skimAgrees(text: string, full: Record<string, unknown> | undefined): void {
  const skim = skimLiteralTfvars(text)
  if (full === undefined) {
    expect(skim).toBeUndefined()
    return
  }
  expect(Object.keys(skim ?? {})).toEqual(Object.keys(full))
  for (const [key, value] of Object.entries(full)) expect(skim?.[key]).toBe(value !== null && typeof value === 'object' ? SKIMMED : value)
}

// Pieces of tfvars text, valid and not: the generator glues them into files.
const value: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('"x"', '"a b"', '"é"', '"a\\"b"', '"a\\nb"', '"\\u00e9"', '"${x}"', '"$${x}"', '"%{x}"', '"a\\qb"', '""', '"\\\\"'),
    fc.constantFrom('1', '-2', '1.5', '1e3', '007', '1.', '-', '0x10', 'true', 'false', 'null', 'tru', 'var.x', 'f(1)', '<<EOT\nx\nEOT'),
    fc.array(tie('v'), { maxLength: 3 }).chain((items) => fc.constantFrom(`[${items.join(', ')}]`, `[\n${items.join(',\n')}\n]`, `[${items.join(' ')}]`, `[${items.join(',')},]`)),
    fc
      .array(fc.tuple(fc.constantFrom('a', 'b', '"c d"', '"1"', '__proto__', 'null', 'x-y', '_u', '"é"'), fc.constantFrom(' = ', ': ', '='), tie('v')), { maxLength: 3 })
      .chain((entries) => {
        const parts = entries.map(([k, sep, v]) => `${k}${sep}${v}`)
        return fc.constantFrom(`{${parts.join(', ')}}`, `{\n${parts.join('\n')}\n}`, `{ ${parts.join(' ')} }`, `{\n${parts.join('\n,')}\n}`, '{}')
      })
  )
})).v

const line = fc.oneof(
  fc.tuple(fc.constantFrom('account_name', 'region', 's3_buckets', 'tags', 'x-y', '_a', '1a', 'a.b'), fc.constantFrom(' = ', '=', ' =\n'), value, fc.constantFrom('', ' # note', ' // note', ' /* c */')).map((p) => p.join('')),
  fc.constantFrom('# comment', '// comment', '/* block */', '', 'block {\n  a = 1\n}', '\r', 'a = 1 b = 2')
)
const file = fc.array(line, { maxLength: 6 }).chain((lines) => fc.constantFrom(lines.join('\n'), lines.join('\r\n'), `${lines.join('\n')}\n`))

describe('the literal tfvars fast path', () => {
  it('reads every shipped tfvars file exactly as the HCL parser does', async () => {
    const files = (await listFiles(repoRoot, 'examples')).filter((f) => f.endsWith('.tfvars'))
    expect(files.length).toBeGreaterThan(10)
    for (const f of files) {
      const text = readFileSync(join(repoRoot, f), 'utf8')
      expect(parseLiteralTfvars(text)).toBeDefined()
      await agrees(text)
    }
  })

  it('never disagrees with the HCL parser on generated text, valid or not', async () => {
    accepted = 0
    await fc.assert(fc.asyncProperty(file, agrees), { numRuns: 1500 })
    // The property is not vacuous: many generated files take the fast path.
    expect(accepted).toBeGreaterThan(150)
  })

  it('declines what only the real parser can judge', () => {
    for (const text of ['a = 1\na = 2', 'a = "${var.x}"', 'a = <<EOT\nx\nEOT\n', 'a = 1 /* c */', 'b {\n}', 'a = {x = 1, x = 2}', 'a = f(1)', 'a = 1 b = 2']) {
      expect(parseLiteralTfvars(text)).toBeUndefined()
      expect(skimLiteralTfvars(text)).toBeUndefined()
    }
  })
})
