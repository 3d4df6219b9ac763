import { printablePath } from '../model/names.js'
import { shortMessage } from './short-message.js'

// hcl2json reports "parse config: [<file>:<line>,<col>-<line>,<col>: <summary>; <detail> <file>:<line>,...]",
// every diagnostic in one string: a binary or huge broken file yields thousands of them.
const WRAPPER = /^(?:parse config: \[)?([\s\S]*?)\]?$/

/**
 * The first diagnostic of an HCL parser message as `file:line: detail`, bounded
 * and printable, with a count of the diagnostics left out.
 */
export function firstDiagnostic(file: string, raw: string): { line: number | undefined; message: string } {
  const name = printablePath(file)
  const body = WRAPPER.exec(raw)?.[1] ?? raw
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const starts = [...body.matchAll(new RegExp(`${escaped}:(\\d+),\\d+(?:-(?:\\d+,)?\\d+)?: `, 'g'))]
  const first = starts[0]
  if (!first || first.index === undefined) return { line: undefined, message: `${name}: ${shortMessage(body.trim())}` }
  const end = starts[1]?.index ?? body.length
  const detail = shortMessage(body.slice(first.index + first[0].length, end).trim())
  const more = starts.length > 1 ? ` (and ${starts.length - 1} more error${starts.length > 2 ? 's' : ''})` : ''
  const line = Number(first[1])
  return { line, message: `${name}:${line}: ${detail}${more}` }
}
