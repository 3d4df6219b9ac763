/**
 * What JSON.parse(JSON.stringify(value)) returns, built directly: members that
 * JSON drops (undefined, functions) are dropped, array holes become null,
 * toJSON is honoured (dates become strings). A record built with it equals
 * what is read back, without printing and parsing its whole text (the full
 * command outputs) once more.
 */
export function jsonCopy(value: unknown, key = ''): unknown {
  const v = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: (k: string) => unknown }).toJSON(key) : value
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v
    case 'number':
      // JSON writes -0 as 0 and what is not finite as null.
      return Number.isFinite(v) ? v + 0 : null
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt')
    case 'object':
      if (v === null) return null
      if (Array.isArray(v)) return Array.from(v, (item: unknown, i) => jsonCopy(item, String(i)) ?? null)
      return copyObject(v as Record<string, unknown>)
    default:
      return undefined // undefined, functions, symbols
  }
}

function copyObject(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(v)) {
    const copied = jsonCopy(v[k], k)
    if (copied !== undefined) out[k] = copied
  }
  return out
}
