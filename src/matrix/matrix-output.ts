import type { Packing } from './pack-shards.js'
import { shardIds } from './plan-matrix.js'

/** One matrix job: ids only, so 500 deployments stay far below GitHub's output limits. */
export interface MatrixEntry {
  shard: number
  /** How many shards there are, for `--shard ${{ matrix.shard }}/${{ matrix.total }}`. */
  total: number
  deployments: string[]
  count: number
  expected_makespan_seconds: number
}

/**
 * What `matrix` prints. `matrix` goes to `strategy.matrix` as is (`fromJSON`):
 * the totals sit beside it because any other key inside it would become a matrix dimension.
 */
export interface MatrixDocument {
  matrix: { include: MatrixEntry[] }
  shards: number
  components: number
  deployments: number
  workers: number
  /** The busiest shard's expected makespan. */
  expected_makespan_seconds: number
  /** No split into this many shards can be faster. */
  lower_bound_seconds: number
}

const seconds = (ms: number): number => Math.round(ms / 100) / 10

/** The JSON document for a packing. */
export function matrixDocument(packing: Packing): MatrixDocument {
  const include = packing.shards.map((s) => {
    const deployments = shardIds(packing, s.shard)
    return { shard: s.shard, total: packing.shards.length, deployments, count: deployments.length, expected_makespan_seconds: seconds(s.expectedMakespanMs) }
  })
  return {
    matrix: { include },
    shards: include.length,
    components: packing.shards.reduce((n, s) => n + s.components.length, 0),
    deployments: include.reduce((n, e) => n + e.count, 0),
    workers: packing.workers,
    expected_makespan_seconds: seconds(Math.max(0, ...packing.shards.map((s) => s.expectedMakespanMs))),
    lower_bound_seconds: seconds(packing.lowerBoundMs)
  }
}
