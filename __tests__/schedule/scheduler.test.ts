import type { DependencyGraph } from '../../src/graph/dag.js'
import { criticalPathLengths, makespanLowerBound } from '../../src/schedule/critical-path.js'
import { backoffMs, retryableMatch } from '../../src/schedule/retry-policy.js'
import { Scheduler } from '../../src/schedule/scheduler.js'
import { defaultWorkers, throttleDelay } from '../../src/schedule/start-throttle.js'

const graph = (edges: Record<string, string[]>): DependencyGraph => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]))

describe('critical path', () => {
  const g = graph({ a: [], b: [], c: ['a'], d: ['c'] })
  const durations: Record<string, number> = { a: 1, b: 5, c: 2, d: 3 }

  it('weights each node by the longest path through its dependents', () => {
    expect(Object.fromEntries(criticalPathLengths(g, (id) => durations[id] as number))).toEqual({ a: 6, b: 5, c: 5, d: 3 })
  })

  it('gives the lower bound max(critical path, work / workers)', () => {
    expect(makespanLowerBound(g, (id) => durations[id] as number, 2)).toBe(6)
    expect(makespanLowerBound(g, (id) => durations[id] as number, 1)).toBe(11)
  })
})

describe('scheduler', () => {
  it('releases a unit as soon as its own dependencies succeed, longest path first', () => {
    const s = new Scheduler(graph({ a: [], b: [], c: ['a'], d: ['b'] }), new Map([['a', 1], ['b', 9], ['c', 0], ['d', 0]]))
    expect(s.ready()).toEqual(['b', 'a'])
    s.start('b')
    s.start('a')
    s.finish('a', true)
    // c is ready although b (same level as a) is still running: no level barrier.
    expect(s.ready()).toEqual(['c'])
  })

  it('skips only the transitive dependents of a failure, naming the root cause', () => {
    const s = new Scheduler(graph({ kms: [], s3: ['kms'], app: ['s3'], iam: [] }), new Map())
    s.start('kms')
    s.start('iam')
    expect(s.finish('kms', false)).toEqual([
      { id: 'app', because: 'kms' },
      { id: 's3', because: 'kms' }
    ])
    expect(s.stateOf('iam')).toBe('running')
    s.finish('iam', true)
    expect(s.finished).toBe(true)
  })

  it('skips everything waiting on cancellation and refuses invalid transitions', () => {
    const s = new Scheduler(graph({ a: [], b: ['a'] }), new Map())
    s.start('a')
    expect(s.skipWaiting()).toEqual(['b'])
    expect(() => s.start('b')).toThrow(/b is skipped, expected waiting/)
    s.finish('a', true)
    expect(s.finished).toBe(true)
  })
})

describe('throttle and workers', () => {
  it('allows at most size starts per window', () => {
    expect(throttleDelay([0, 100], 150, 3, 1000)).toBe(0)
    expect(throttleDelay([0, 100, 200], 250, 3, 1000)).toBe(750)
    expect(throttleDelay([0, 100, 200], 1100, 3, 1000)).toBe(0)
    expect(throttleDelay([0, 100, 200], 250, undefined, 1000)).toBe(0)
  })

  it('defaults to min(2 x CPUs, 5)', () => {
    expect(defaultWorkers(1)).toBe(2)
    expect(defaultWorkers(2)).toBe(4)
    expect(defaultWorkers(16)).toBe(5)
  })
})

describe('retry policy', () => {
  it('matches configured patterns case-insensitively', () => {
    expect(retryableMatch('Error: error acquiring the state lock\nLock Info:', ['Error acquiring the state lock'])).toBe('Error acquiring the state lock')
    expect(retryableMatch('Error: Invalid reference', ['Throttling'])).toBeUndefined()
  })

  it('backs off exponentially with bounded jitter', () => {
    expect(backoffMs(1, 1000, () => 0.5)).toBe(1000)
    expect(backoffMs(3, 1000, () => 0.5)).toBe(4000)
    expect(backoffMs(2, 1000, () => 0)).toBe(1600)
    expect(backoffMs(2, 1000, () => 1)).toBe(2400)
    expect(backoffMs(30, 1000, () => 0.5)).toBe(300000)
  })
})
