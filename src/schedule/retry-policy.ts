/** The first retry pattern `output` matches (plain substring, case-insensitive), if any. */
export function retryableMatch(output: string, patterns: readonly string[]): string | undefined {
  const lower = output.toLowerCase()
  return patterns.find((p) => lower.includes(p.toLowerCase()))
}

/** Exponential backoff with ±20% jitter: initial, 2x, 4x ... capped at 5 minutes. */
export function backoffMs(attempt: number, initialMs: number, random: () => number = Math.random): number {
  const base = Math.min(initialMs * 2 ** Math.max(0, attempt - 1), 300_000)
  return Math.round(base * (0.8 + 0.4 * random()))
}
