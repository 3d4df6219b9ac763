import type { DependencyGraph } from '../graph/dag.js'
import { dependentsOf } from '../graph/dag.js'

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
 */
export class Scheduler {
  private readonly state = new Map<string, UnitState>()
  private readonly dependents: DependencyGraph

  constructor(
    private readonly graph: DependencyGraph,
    private readonly priority: ReadonlyMap<string, number>
  ) {
    this.dependents = dependentsOf(graph)
    for (const id of graph.keys()) this.state.set(id, 'waiting')
  }

  /** Waiting units whose dependencies all succeeded, highest priority first. */
  ready(): string[] {
    const ready: string[] = []
    for (const [id, s] of this.state) {
      if (s !== 'waiting') continue
      if ([...(this.graph.get(id) ?? [])].every((dep) => this.state.get(dep) === 'succeeded')) ready.push(id)
    }
    return ready.sort((a, b) => (this.priority.get(b) ?? 0) - (this.priority.get(a) ?? 0) || a.localeCompare(b))
  }

  start(id: string): void {
    this.expect(id, 'waiting')
    this.state.set(id, 'running')
  }

  /** Records the outcome; on failure returns the dependents skipped because of it. */
  finish(id: string, succeeded: boolean): Skip[] {
    this.expect(id, 'running')
    this.state.set(id, succeeded ? 'succeeded' : 'failed')
    if (succeeded) return []
    const skipped: Skip[] = []
    const stack = [...(this.dependents.get(id) ?? [])]
    while (stack.length > 0) {
      const next = stack.pop() as string
      if (this.state.get(next) !== 'waiting') continue
      this.state.set(next, 'skipped')
      skipped.push({ id: next, because: id })
      stack.push(...(this.dependents.get(next) ?? []))
    }
    return skipped.sort((a, b) => a.id.localeCompare(b.id))
  }

  /** Marks everything not yet started as skipped (cancellation); returns those ids. */
  skipWaiting(): string[] {
    const ids = [...this.state].filter(([, s]) => s === 'waiting').map(([id]) => id)
    for (const id of ids) this.state.set(id, 'skipped')
    return ids.sort()
  }

  stateOf(id: string): UnitState | undefined {
    return this.state.get(id)
  }

  get running(): number {
    return [...this.state.values()].filter((s) => s === 'running').length
  }

  /** Nothing waiting or running. */
  get finished(): boolean {
    return [...this.state.values()].every((s) => s !== 'waiting' && s !== 'running')
  }

  private expect(id: string, s: UnitState): void {
    const actual = this.state.get(id)
    if (actual !== s) throw new Error(`scheduler: ${id} is ${actual ?? 'unknown'}, expected ${s}`)
  }
}
