import { defaultConfig } from '../../src/config/parse-config.js'
import { discover } from '../../src/discovery/io/discover.js'
import { firstDiagnostic } from '../../src/discovery/parser-message.js'
import { shortMessage } from '../../src/discovery/short-message.js'
import { printablePath } from '../../src/model/names.js'
import { tempDir } from '../helpers/temp-dir.js'

const ROOT = 'variable "region" {}\n'

async function discoveryError(files: Record<string, string>): Promise<string> {
  const tmp = tempDir(files)
  try {
    await discover(tmp.dir, defaultConfig())
    return 'no error'
  } catch (error) {
    return (error as Error).message
  } finally {
    tmp.cleanup()
  }
}

describe('short, printable messages', () => {
  it('escapes control characters JSON-style and leaves ordinary paths alone', () => {
    expect(printablePath('d/acme-dev/us-east-1/p.tfvars')).toBe('d/acme-dev/us-east-1/p.tfvars')
    expect(printablePath('a\u001b[31mb\nc\u007f\u202ed')).toBe('a\\u001b[31mb\\u000ac\\u007f\\u202ed')
    expect(shortMessage(`${'x'.repeat(1000)}\nsecond line`, 300)).toHaveLength(300)
    expect(shortMessage('first\nsecond')).toBe('first')
  })

  it('keeps the first of many parser diagnostics and counts the rest', () => {
    const raw = 'parse config: [f.tf:3,1-2: Invalid character; This character is not used. f.tf:3,5-6: Invalid character; again. f.tf:9,1-2: Other; x.]'
    expect(firstDiagnostic('f.tf', raw)).toEqual({ line: 3, message: 'f.tf:3: Invalid character; This character is not used. (and 2 more errors)' })
    expect(firstDiagnostic('f.tf', 'something odd')).toEqual({ line: undefined, message: 'f.tf: something odd' })
  })

  it('reports a binary tfvars file in one short line', async () => {
    const binary = String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 37) % 256))
    const message = await discoveryError({ 'main.tf': ROOT, 'd/p/p.tfvars': binary })
    expect(message).toBe('tfvars syntax error: d/p/p.tfvars: a binary file (it contains NUL bytes), not HCL text')
  })

  it('reports a huge file full of syntax errors with file, line and the first error only', async () => {
    const huge = `account_name = "a"\nregion = "r"\nbroken = "${'x'.repeat(200_000)}\n${'b = {\n'.repeat(2000)}${'\u0007'.repeat(5000)}`
    const message = await discoveryError({ 'main.tf': ROOT, 'd/p/p.tfvars': huge })
    expect(message).toMatch(/^tfvars syntax error: d\/p\/p\.tfvars:3: Invalid multi-line string; .*\(and \d+ more errors\)$/)
    expect(message.length).toBeLessThan(400)
    expect(message).not.toContain('\n')
  })

  it('bounds a .tf syntax error in a stack the same way', async () => {
    const message = await discoveryError({ 'east/app/main.tf': `resource "x" "y" {\n  a = "${'q'.repeat(100_000)}\n` })
    expect(message).toMatch(/^east\/app\/main\.tf:2: /)
    expect(message.length).toBeLessThan(400)
  })

  it('prints a folder name with control characters escaped', async () => {
    const message = await discoveryError({ 'main.tf': ROOT, 'd/evil\u001b[2J/evil.tfvars': 'account_name = "a"\nregion = "r"\n' })
    expect(message).toBe(
      'd/evil\\u001b[2J/evil.tfvars (the project is the name of the file\'s folder): project "evil\\u001b[2J" is not a valid name: it contains a control character'
    )
  })

  it('prints a warning with control characters escaped', async () => {
    const tmp = tempDir({ 'east/app/main.tf': 'module "m" {\n  source = "./x\\u001b[2Jy"\n}\n' })
    try {
      const { warnings } = await discover(tmp.dir, defaultConfig())
      expect(warnings).toEqual([
        { file: 'east/app/main.tf', message: 'module source ./x\\u001b[2Jy points to east/app/x\\u001b[2Jy, which does not exist' }
      ])
    } finally {
      tmp.cleanup()
    }
  })
})
