import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { hasChangeMarker, trimUnchangedNoise } from '../../src/render/plan-noise.js'
import { cleanPlanText, colourFree, reorderPlanText, resourceChangeLines } from '../../src/render/plan-text.js'

const fixture = (name: string): string => readFileSync(join(process.cwd(), '__tests__', 'render', 'fixtures', name), 'utf8')
// Real OpenTofu 1.x output of one plan, with and without -no-color.
const plain = fixture('tofu-plan.txt')
const coloured = fixture('tofu-plan-color.txt')
const changeLines = (text: string): string[] => text.split('\n').filter(hasChangeMarker)

describe('colourFree', () => {
  it('turns the coloured plan into exactly the -no-color plan', () => {
    expect(coloured).toContain('\u001b[')
    expect(colourFree(coloured)).toBe(colourFree(plain))
    expect(colourFree(coloured)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/)
  })

  it('removes OSC links, two-byte escapes and CRLF line ends', () => {
    expect(colourFree('a\u001b]8;;https://x\u0007link\u001b]8;;\u0007b\r\nc\u001bMd  \r\n')).toBe('alinkb\ncd\n')
  })
})

describe('reorderPlanText', () => {
  const reordered = reorderPlanText(colourFree(plain))
  const lines = reordered.split('\n')

  it('puts the plan line, then the resource change lines, before anything else', () => {
    expect(lines.slice(0, 5)).toEqual([
      'Plan: 1 to add, 2 to change, 1 to destroy.',
      '  # terraform_data.a will be updated in-place',
      '  # terraform_data.b will be updated in-place',
      '  # terraform_data.c will be destroyed',
      '  # terraform_data.d will be created'
    ])
    expect(reordered.indexOf('OpenTofu will perform the following actions:')).toBeLessThan(reordered.indexOf('Changes to Outputs:'))
    expect(reordered.indexOf('Changes to Outputs:')).toBeLessThan(reordered.indexOf('Refreshing state'))
  })

  it('drops no line: every original line is still there, in its section order', () => {
    const original = colourFree(plain).split('\n').filter((l) => l.trim() !== '')
    for (const line of original) expect(lines).toContain(line)
    expect(lines.filter((l) => l.trim() !== '').length).toBe(original.length + resourceChangeLines(colourFree(plain)).length - 1)
    // Resource blocks keep their inner order (the legend's `+ create` lines move to the end).
    const blocks = (text: string): string => text.slice(text.indexOf('will perform the following actions:'), text.indexOf('\nPlan: '))
    expect(reordered).toContain(blocks(colourFree(plain)).trimEnd())
  })

  it('leaves text that is not a plan alone', () => {
    expect(reorderPlanText('Error: no valid credential sources found\n')).toBe('Error: no valid credential sources found\n')
  })

  it('heads a no-changes plan with its No changes line', () => {
    const text = cleanPlanText(fixture('tofu-plan-no-changes.txt'))
    expect(text.split('\n')[0]).toBe('No changes. Your infrastructure matches the configuration.')
    expect(resourceChangeLines(text)).toEqual(['No changes. Your infrastructure matches the configuration.'])
  })
})

describe('trimUnchangedNoise', () => {
  const text = cleanPlanText(plain)
  const trimmed = trimUnchangedNoise(text)

  it('drops hidden-attribute notes and refresh lines but keeps every change line and header', () => {
    expect(text).toContain('# (2 unchanged attributes hidden)')
    expect(trimmed).not.toContain('unchanged attributes hidden')
    expect(trimmed).not.toContain('Refreshing state')
    expect(changeLines(trimmed)).toEqual(changeLines(text))
    expect(resourceChangeLines(trimmed)).toEqual(resourceChangeLines(text))
  })

  it('keeps single unchanged attributes as context (ids) and blocks that contain a change', () => {
    expect(trimmed).toMatch(/^ {8}id {5}= "[0-9a-f-]{36}"$/m)
    expect(trimmed).toContain('name = "alpha"')
    expect(trimmed).toMatch(/~ tags = \{\n\s+env {2}= "dev"\n\s+~ team = "x" -> "y"\n\s+\}/)
  })

  it('drops a nested block without any change, and only that block', () => {
    const plan = [
      '  ~ resource "aws_security_group" "web" {',
      '        id   = "sg-1"',
      '        ingress {',
      '            from_port = 443',
      '            cidr_blocks = [',
      '                "10.0.0.0/8",',
      '            ]',
      '        }',
      '      ~ egress {',
      '          ~ to_port = 80 -> 8080',
      '            protocol = "tcp"',
      '        }',
      '    }'
    ].join('\n')
    expect(trimUnchangedNoise(plan).split('\n')).toEqual([
      '  ~ resource "aws_security_group" "web" {',
      '        id   = "sg-1"',
      '      ~ egress {',
      '          ~ to_port = 80 -> 8080',
      '            protocol = "tcp"',
      '        }',
      '    }'
    ])
  })

  it('keeps an unmarked block that holds a change, and one whose end it cannot find', () => {
    const nested = ['        settings = {', '            a = 1', '          + b = 2', '        }'].join('\n')
    expect(trimUnchangedNoise(nested)).toBe(nested)
    const unclosed = ['        policy = jsonencode(', '            {', '                a = 1'].join('\n')
    expect(trimUnchangedNoise(unclosed)).toBe(unclosed)
  })
})
