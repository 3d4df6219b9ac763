/**
 * Fleet throttle for cloud API rate limits: at most `size` starts within any
 * `windowMs`. Returns how long to wait before the next start may happen.
 */
export function throttleDelay(startTimes: readonly number[], now: number, size: number | undefined, windowMs: number): number {
  if (!size || windowMs <= 0) return 0
  const recent = startTimes.filter((t) => now - t < windowMs).sort((a, b) => a - b)
  if (recent.length < size) return 0
  return (recent[recent.length - size] as number) + windowMs - now
}

/** The default worker count: twice the CPUs (the work waits on cloud APIs), capped at 5 for their rate limits. */
export function defaultWorkers(cpus: number, cap = 5): number {
  return Math.max(1, Math.min(2 * cpus, cap))
}
