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

/** Replaces every occurrence of every needle (already sorted longest first) with the marker. */
export function replaceLiterals(text: string, needles: readonly string[]): string {
  let out = text
  for (const needle of needles) if (out.includes(needle)) out = out.split(needle).join(MARKER)
  return out
}
