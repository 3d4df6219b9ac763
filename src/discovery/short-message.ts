import { printablePath } from '../model/names.js'

/** Longest message a parser error may print: one line a person can read. */
export const MESSAGE_LIMIT = 300

/**
 * One short printable line from a possibly huge parser message: the first
 * line, control characters escaped, cut at `limit` characters with an ellipsis.
 */
export function shortMessage(text: string, limit = MESSAGE_LIMIT): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  const printable = printablePath(firstLine)
  return printable.length <= limit ? printable : `${printable.slice(0, limit - 1)}…`
}
