import { MARKER, isTrivialValue } from './rule.js'

// Go's encoding/json (what `tofu show -json` uses) escapes these three as \u003c, \u003e, \u0026.
const goEscape = (s: string): string => s.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')

/**
 * The strings to search for a set of sensitive values: each value as is, as it appears inside a
 * JSON string (plain and Go-escaped), and each line of a multi-line value (plan output prints
 * those as indented heredoc lines). Longest first, so a value is replaced before its substrings.
 */
export function literalNeedles(values: readonly string[]): string[] {
  const needles = new Set<string>()
  for (const value of values) {
    if (isTrivialValue(value)) continue
    const json = JSON.stringify(value).slice(1, -1)
    for (const form of [value, json, goEscape(json)]) needles.add(form)
    if (/[\r\n]/.test(value)) for (const line of value.split(/\r?\n/)) if (!isTrivialValue(line)) needles.add(line.trim())
  }
  return [...needles].filter((n) => !isTrivialValue(n)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * One regex that finds, at every position (a zero-width lookahead, so overlapping occurrences
 * count), the longest needle starting there. One scan of the text instead of one per needle.
 */
export function needleFinder(needles: readonly string[]): RegExp | undefined {
  return needles.length === 0 ? undefined : new RegExp(`(?=(${needles.map(escapeRegExp).join('|')}))`, 'g')
}

/**
 * Replaces every occurrence of the needles found in the text, longest first, with the marker.
 * A needle hidden at its position by a longer one is found in the redactor's next pass if the
 * longer one's replacement leaves it whole.
 */
export function replaceLiterals(text: string, needles: readonly string[], finder: RegExp | undefined): string {
  if (finder === undefined) return text
  const found = new Set<string>()
  for (const m of text.matchAll(finder)) found.add(m[1]!)
  let out = text
  for (const needle of needles) if (found.has(needle)) out = out.split(needle).join(MARKER)
  return out
}
