const HOUR = 3_600_000
const DAY = 24 * HOUR

/** The longest --since the report accepts (about ten years). */
export const MAX_SINCE_MS = 3650 * DAY

/**
 * Parses a report window strictly: a positive whole number of hours or days
 * (`24h`, `7d`, `30d`, `90d`), nothing else (no spaces, signs, fractions or other
 * units). Returns milliseconds or throws with the reason.
 */
export function parseSince(text: string): number {
  const m = text.match(/^([1-9][0-9]{0,5})([hd])$/)
  if (!m?.[1] || !m[2]) throw new Error(`invalid duration ${JSON.stringify(text)}: expected a whole number of hours or days such as 24h, 7d or 30d`)
  const ms = Number(m[1]) * (m[2] === 'h' ? HOUR : DAY)
  if (ms > MAX_SINCE_MS) throw new Error(`invalid duration ${JSON.stringify(text)}: at most 3650d`)
  return ms
}

/** `24h` and `36h` below two days, `30d` for whole days, else hours, else minutes (`90m`). */
export function formatWindow(ms: number): string {
  if (ms % DAY === 0 && ms >= 2 * DAY) return `${ms / DAY}d`
  if (ms % HOUR === 0) return `${ms / HOUR}h`
  return `${Math.round(ms / 60_000)}m`
}

/** The standard report windows. */
export const STANDARD_WINDOWS: readonly number[] = [DAY, 7 * DAY, 30 * DAY]

/** The windows to report for --since: the standard ones that fit, then --since itself when it is not one of them. */
export function reportWindows(sinceMs: number): number[] {
  const windows = STANDARD_WINDOWS.filter((w) => w <= sinceMs)
  return windows.includes(sinceMs) ? windows : [...windows, sinceMs]
}
