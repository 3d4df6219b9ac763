import type { DependencyGraph } from '../graph/dag.js'
import { sharedSets, type SharedSets } from '../graph/shared-sets.js'
import { ReadyHeap } from './ready-heap.js'

export type UnitState = 'waiting' | 'running' | 'succeeded' | 'failed' | 'skipped'

export interface Skip {
  id: string
  /** The failed deployment that caused it (the root cause, not the nearest skipped one). */
  because: string
}

/**
 * The run queue as a pure state machine: a unit is ready as soon as every
 * dependency succeeded (no level barriers); ready units come out longest
 * critical path first; a failure skips its transitive dependents only.
 * Every operation is incremental (a count of unfinished dependencies per
 * dependency set, a heap of ready units), so a run stays linear in its size.
 */
export class Scheduler {
  private readonly state = new Map<string, UnitState>()
  private readonly shared: SharedSets
  /** Per dependency set: how many of its members have not succeeded yet. */
  private readonly remaining: number[]
  private readonly heap: ReadyHeap
  private runningCount = 0
  private open: number

  constructor(
    graph: DependencyGraph,
    private readonly priority: ReadonlyMap<string, number>
  ) {
    this.shared = sharedSets(graph)
    this.remaining = this.shared.sets.map((s) => s.deps.size)
    this.heap = new ReadyHeap((a, b) => this.before(a, b))
    for (const id of graph.keys()) this.state.set(id, 'waiting')
    this.open = graph.size
    for (const s of this.shared.sets) if (s.deps.size === 0) for (const id of s.nodes) this.heap.push(id)
  }

  /** Waiting units whose dependencies all succeeded, highest priority first. */
  ready(): string[] {
    return this.heap
      .entries()
      .filter((id) => this.state.get(id) === 'waiting')
      .sort((a, b) => (this.before(a, b) ? -1 : 1))
  }

  /** The ready unit to start next, if any (what ready()[0] would be, without sorting). */
  next(): string | undefined {
    while (this.heap.size > 0 && this.state.get(this.heap.peek() as string) !== 'waiting') this.heap.pop()
    return this.heap.peek()
  }

  start(id: string): void {
    this.expect(id, 'waiting')
    this.state.set(id, 'running')
    this.runningCount++
  }

  /** Records the outcome; on failure returns the dependents skipped because of it. */
  finish(id: string, succeeded: boolean): Skip[] {
    this.expect(id, 'running')
    this.state.set(id, succeeded ? 'succeeded' : 'failed')
    this.runningCount--
    this.open--
    const { sets, containing } = this.shared
    if (succeeded) {
      for (const i of containing.get(id) ?? []) {
        const left = (this.remaining[i] as number) - 1
        this.remaining[i] = left
        if (left === 0) for (const ready of sets[i]?.nodes ?? []) if (this.state.get(ready) === 'waiting') this.heap.push(ready)
      }
      return []
    }
    const skipped: Skip[] = []
    const expanded = new Set<number>()
    const stack = [id]
    while (stack.length > 0) {
      for (const i of containing.get(stack.pop() as string) ?? []) {
        if (expanded.has(i)) continue
        expanded.add(i)
        for (const next of sets[i]?.nodes ?? []) {
          if (this.state.get(next) !== 'waiting') continue
          this.state.set(next, 'skipped')
          this.open--
          skipped.push({ id: next, because: id })
          stack.push(next)
        }
      }
    }
    return skipped.sort((a, b) => a.id.localeCompare(b.id))
  }

  /** Marks everything not yet started as skipped (cancellation); returns those ids. */
  skipWaiting(): string[] {
    const ids = [...this.state].filter(([, s]) => s === 'waiting').map(([id]) => id)
    for (const id of ids) this.state.set(id, 'skipped')
    this.open -= ids.length
    return ids.sort()
  }

  stateOf(id: string): UnitState | undefined {
    return this.state.get(id)
  }

  get running(): number {
    return this.runningCount
  }

  /** Nothing waiting or running. */
  get finished(): boolean {
    return this.open === 0
  }

  private before(a: string, b: string): boolean {
    const pa = this.priority.get(a) ?? 0
    const pb = this.priority.get(b) ?? 0
    // Ties by id in code-unit order: stable across machines and cheap on every heap comparison (no collation).
    return pa !== pb ? pa > pb : a < b
  }

  private expect(id: string, s: UnitState): void {
    const actual = this.state.get(id)
    if (actual !== s) throw new Error(`scheduler: ${id} is ${actual ?? 'unknown'}, expected ${s}`)
  }
}
