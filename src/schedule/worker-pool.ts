import type { DependencyGraph } from '../graph/dag.js'
import { Scheduler, type Skip } from './scheduler.js'
import { throttleDelay } from './start-throttle.js'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export interface PoolOptions {
  graph: DependencyGraph
  /** Higher runs first among ready units (longest remaining critical path). */
  priority: ReadonlyMap<string, number>
  workers: number
  /** Runs one unit on a worker; resolves true when it succeeded. Must not throw. */
  runUnit: (id: string, workerId: number) => Promise<boolean>
  /** A unit will not run: a dependency failed (`because`) or the run was cancelled. */
  onSkip: (id: string, because: string | undefined) => void
  cancel: AbortSignal
  throttle?: { size?: number; windowMs: number }
  /** `levels` waits for a whole level before starting the next (the older design; benchmarks only). */
  levels?: string[][]
}

export interface PoolStats {
  /** The most units that ran at once. */
  maxParallel: number
}

/**
 * Runs a dependency graph on a bounded pool: a unit starts as soon as its
 * dependencies succeeded and a worker is free, longest critical path first.
 */
export async function runPool(options: PoolOptions): Promise<PoolStats> {
  const scheduler = new Scheduler(options.graph, options.priority)
  const freeWorkers = Array.from({ length: Math.max(1, options.workers) }, (_, i) => i + 1)
  const running = new Map<string, Promise<void>>()
  const starts: number[] = []
  let maxParallel = 0
  const levelOf = new Map((options.levels ?? []).flatMap((level, i) => level.map((id) => [id, i] as const)))
  const cancelled = new Promise<void>((resolve) => options.cancel.addEventListener('abort', () => resolve(), { once: true }))

  const skip = (skips: Skip[]): void => skips.forEach((s) => options.onSkip(s.id, s.because))
  const currentLevel = (): number => {
    let level = Infinity
    for (const [id, l] of levelOf) {
      const s = scheduler.stateOf(id)
      if (s === 'waiting' || s === 'running') level = Math.min(level, l)
    }
    return level
  }

  while (!scheduler.finished) {
    let wakeAfter = 0
    if (options.cancel.aborted) {
      for (const id of scheduler.skipWaiting()) options.onSkip(id, undefined)
    } else {
      // Level barriers list the ready ones each time (a benchmark of 40); otherwise the heap's best comes next.
      const level = options.levels ? scheduler.ready().filter((id) => levelOf.get(id) === currentLevel()) : undefined
      for (;;) {
        const id = level ? level.shift() : scheduler.next()
        if (id === undefined || freeWorkers.length === 0) break
        wakeAfter = throttleDelay(starts, Date.now(), options.throttle?.size, options.throttle?.windowMs ?? 0)
        if (wakeAfter > 0) break
        const workerId = freeWorkers.shift() as number
        scheduler.start(id)
        starts.push(Date.now())
        maxParallel = Math.max(maxParallel, scheduler.running)
        running.set(
          id,
          options.runUnit(id, workerId).then((ok) => {
            running.delete(id)
            freeWorkers.push(workerId)
            freeWorkers.sort((a, b) => a - b)
            skip(scheduler.finish(id, ok))
          })
        )
      }
    }
    if (scheduler.finished) break
    if (running.size === 0 && wakeAfter === 0) {
      throw new Error('scheduler: nothing is running and nothing can start (this is a bug)')
    }
    const waits: Promise<unknown>[] = [...running.values()]
    if (wakeAfter > 0) waits.push(sleep(wakeAfter))
    if (!options.cancel.aborted) waits.push(cancelled)
    await Promise.race(waits)
  }
  return { maxParallel }
}
