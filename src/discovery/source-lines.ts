/**
 * The 1-based line of a top-level `key = ...` attribute in HCL text (or
 * `"key": ...` in JSON syntax), for error messages only (the values themselves
 * come from the parser).
 */
export function lineOfAttribute(text: string, key: string): number | undefined {
  const name = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`^\\s*(?:${name}\\s*=|[{,]?\\s*"${name}"\\s*:)`)
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (pattern.test(lines[i] as string)) return i + 1
  }
  return undefined
}
