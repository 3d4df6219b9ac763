// Plan output as reviewers read it: no colour codes, and the resource change
// lines first so a shortened body still says what will happen. The caller passes
// text that is already redacted; nothing here redacts.

import { stripAnsi } from './strip-ansi.js'

// Escapes stripAnsi leaves (two-byte ESC sequences, 8-bit CSI) and other control characters.
const LEFTOVER = /\u001b[@-Z\\-_]?|\u009b[0-?]*[ -/]*[@-~]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/** Colour-free text: no escape sequences or control characters, \n line ends, no trailing spaces. */
export function colourFree(text: string): string {
  return stripAnsi(text)
    .replace(/\r\n?/g, '\n')
    .replace(LEFTOVER, '')
    .replace(/[ \t]+$/gm, '')
}

/** `Plan: 1 to add, 0 to change, 0 to destroy.` or `No changes. ...` */
export function isPlanLine(line: string): boolean {
  return /^(Plan: \d|No changes\.)/.test(line.trim())
}

/** `  # aws_s3_bucket.x will be created`, `... must be replaced`, `... has moved to ...` */
export function isChangeHeader(line: string): boolean {
  return /^\s*# \S.* (will be \w|must be replaced|has moved to )/.test(line)
}

const ACTIONS_START = /will perform the following actions:$/
const OUTPUTS_START = /^Changes to Outputs:$/

/** The headline (plan line) and the change header lines, in order. */
export function resourceChangeLines(text: string): string[] {
  const lines = text.split('\n')
  const plan = lines.find(isPlanLine)
  return [...(plan ? [plan.trim()] : []), ...lines.filter(isChangeHeader)]
}

/**
 * Reorders a plan: the plan line and the change header lines first, then the
 * resource blocks, then output changes, then everything else (refresh lines,
 * legend, warnings, notes) in its original order. Nothing is dropped.
 */
export function reorderPlanText(text: string): string {
  const lines = text.split('\n')
  const planIndex = lines.findIndex(isPlanLine)
  const actionsStart = lines.findIndex((l) => ACTIONS_START.test(l.trim()))
  const outputsStart = lines.findIndex((l) => OUTPUTS_START.test(l.trim()))
  if (planIndex < 0 && actionsStart < 0 && outputsStart < 0) return text

  const taken = new Set<number>()
  const take = (from: number, to: number): string[] => {
    const out: string[] = []
    for (let i = from; i < to; i++) {
      taken.add(i)
      out.push(lines[i] as string)
    }
    return out
  }
  const head = resourceChangeLines(text)
  if (planIndex >= 0) taken.add(planIndex)
  // The actions section runs until the plan line (or output changes, or the end).
  const actionsEnd = [planIndex, outputsStart, lines.length].filter((i) => i > actionsStart).reduce((a, b) => Math.min(a, b))
  const actions = actionsStart >= 0 ? take(actionsStart, actionsEnd) : []
  const outputs = outputsStart >= 0 ? take(outputsStart, endOfIndented(lines, outputsStart)) : []
  const rest = lines.filter((_, i) => !taken.has(i))
  return squeezeBlankLines([...head, '', ...actions, '', ...outputs, '', ...rest]).join('\n').trim()
}

/** Colour-free and reordered: what a comment's <details> shows. */
export function cleanPlanText(text: string): string {
  return reorderPlanText(colourFree(text))
}

/** The index after an indented block that starts with a heading line. */
function endOfIndented(lines: readonly string[], start: number): number {
  let i = start + 1
  while (i < lines.length) {
    const line = lines[i] as string
    if (line.trim() !== '' && !/^\s/.test(line)) break
    i++
  }
  return i
}

/** Runs of blank lines become one. */
export function squeezeBlankLines(lines: readonly string[]): string[] {
  return lines.filter((line, i) => line.trim() !== '' || (i > 0 && (lines[i - 1] as string).trim() !== ''))
}
