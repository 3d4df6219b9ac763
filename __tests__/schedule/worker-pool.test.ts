import type { DependencyGraph } from '../../src/graph/dag.js'
import { runPool } from '../../src/schedule/worker-pool.js'

const graph = (edges: Record<string, string[]>): DependencyGraph => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]))
const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Runs a pool of fake units with given durations; records start and end times. */
async function simulate(edges: Record<string, string[]>, durations: Record<string, number>, options: { workers: number; fail?: string[]; levels?: string[][]; throttle?: { size: number; windowMs: number } }) {
  const t0 = Date.now()
  const starts: Record<string, number> = {}
  const ends: Record<string, number> = {}
  const workersSeen = new Set<number>()
  const skipped: Record<string, string | undefined> = {}
  const stats = await runPool({
    graph: graph(edges),
    priority: new Map(Object.entries(durations)),
    workers: options.workers,
    cancel: new AbortController().signal,
    levels: options.levels,
    throttle: options.throttle,
    onSkip: (id, because) => (skipped[id] = because),
    runUnit: async (id, worker) => {
      workersSeen.add(worker)
      starts[id] = Date.now() - t0
      await wait(durations[id] as number)
      ends[id] = Date.now() - t0
      return !(options.fail ?? []).includes(id)
    }
  })
  return { starts, ends, skipped, workersSeen, makespan: Date.now() - t0, stats }
}

describe('worker pool', () => {
  it('starts a next-level unit before an unrelated slow unit of the previous level ends', async () => {
    const r = await simulate({ slow: [], fast: [], next: ['fast'] }, { slow: 400, fast: 50, next: 50 }, { workers: 3 })
    expect(r.starts.next).toBeLessThan(r.ends.slow as number)
    expect(r.makespan).toBeLessThan(600)
  })

  it('a level barrier would have waited (the older design, for comparison)', async () => {
    const r = await simulate({ slow: [], fast: [], next: ['fast'] }, { slow: 300, fast: 50, next: 50 }, { workers: 3, levels: [['fast', 'slow'], ['next']] })
    expect(r.starts.next).toBeGreaterThanOrEqual(r.ends.slow as number)
  })

  it('never runs more units than workers', async () => {
    const edges = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`u${i}`, []]))
    const durations = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`u${i}`, 60]))
    const r = await simulate(edges, durations, { workers: 3 })
    expect(r.stats.maxParallel).toBe(3)
    expect([...r.workersSeen].sort()).toEqual([1, 2, 3])
    expect(r.makespan).toBeGreaterThanOrEqual(180)
  })

  it('skips the dependents of a failure and carries on with the rest', async () => {
    const r = await simulate({ kms: [], s3: ['kms'], lambda: ['s3'], iam: [] }, { kms: 20, s3: 20, lambda: 20, iam: 60 }, { workers: 2, fail: ['kms'] })
    expect(r.skipped).toEqual({ s3: 'kms', lambda: 'kms' })
    expect(r.ends.iam).toBeDefined()
  })

  it('throttles starts per window', async () => {
    const edges = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`u${i}`, []]))
    const durations = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`u${i}`, 10]))
    const r = await simulate(edges, durations, { workers: 4, throttle: { size: 2, windowMs: 200 } })
    const starts = Object.values(r.starts).sort((a, b) => a - b)
    expect(starts[2] as number).toBeGreaterThanOrEqual(190)
  })

  it('stops starting work when cancelled', async () => {
    const cancel = new AbortController()
    const skipped: string[] = []
    const started: string[] = []
    await runPool({
      graph: graph({ a: [], b: ['a'], c: [] }),
      priority: new Map([['a', 2]]),
      workers: 1,
      cancel: cancel.signal,
      onSkip: (id) => skipped.push(id),
      runUnit: async (id) => {
        started.push(id)
        cancel.abort()
        await wait(20)
        return false
      }
    })
    expect(started).toEqual(['a'])
    expect(skipped.sort()).toEqual(['b', 'c'])
  })
})
