import type { RunSummary } from '../model/run-result.js'
import { totalsOf } from '../model/run-totals.js'

/** summary.json of one logical run made of several shard runs (matrix jobs). */
export interface MergedRunSummary extends RunSummary {
  /** How many shard summaries were merged. */
  shards: number
}

/** The shards cannot be one run: a deployment twice, plan mixed with apply, nothing to merge. */
export class MergeSummariesError extends Error {
  override name = 'MergeSummariesError'
}

const time = (iso: string): number => {
  const ms = Date.parse(iso)
  return Number.isFinite(ms) ? ms : Number.NaN
}

/**
 * Merges the summaries of one logical run's shards into one: the union of
 * their deployments (a deployment in two shards ran twice: an error), totals
 * recomputed from that union, execution levels merged level by level, the
 * earliest start and latest finish, and workers / parallel deployments added up
 * (the shards ran side by side on their own runners). `runId` names the merge.
 */
export function mergeSummaries(parts: readonly RunSummary[], runId: string): MergedRunSummary {
  const first = parts[0]
  if (first === undefined) throw new MergeSummariesError('no shard summaries to merge')
  const mixed = parts.find((p) => p.command !== first.command || p.destroy !== first.destroy)
  if (mixed) throw new MergeSummariesError(`shard run ${mixed.runId} is ${describe(mixed)}, shard run ${first.runId} is ${describe(first)}: not one run`)
  const owner = new Map<string, string>()
  for (const part of parts) {
    for (const d of part.deployments) {
      const seen = owner.get(d.id)
      if (seen !== undefined) throw new MergeSummariesError(`${d.id} is in shard runs ${seen} and ${part.runId}: shards must not overlap`)
      owner.set(d.id, part.runId)
    }
  }
  const deployments = parts.flatMap((p) => p.deployments)
  const starts = parts.map((p) => time(p.startedAt)).filter(Number.isFinite)
  const ends = parts.map((p) => time(p.finishedAt)).filter(Number.isFinite)
  const startedMs = starts.length > 0 ? Math.min(...starts) : 0
  const finishedMs = ends.length > 0 ? Math.max(...ends) : startedMs
  return {
    runId,
    command: first.command,
    destroy: first.destroy,
    binary: first.binary,
    startedAt: new Date(startedMs).toISOString(),
    finishedAt: new Date(finishedMs).toISOString(),
    durationMs: Math.max(0, finishedMs - startedMs),
    workers: parts.reduce((n, p) => n + p.workers, 0),
    executionLevels: mergeLevels(parts.map((p) => p.executionLevels)),
    parallelDeployments: parts.reduce((n, p) => n + p.parallelDeployments, 0),
    cancelled: parts.some((p) => p.cancelled),
    totals: totalsOf(deployments, first.command),
    deployments,
    shards: parts.length
  }
}

const describe = (s: RunSummary): string => `${s.command}${s.destroy ? ' (destroy)' : ''}`

/** Level i of the merge holds level i of every shard: shards share no edge, so their levels run side by side. */
export function mergeLevels(levels: readonly (readonly (readonly string[])[])[]): string[][] {
  const depth = Math.max(0, ...levels.map((l) => l.length))
  return Array.from({ length: depth }, (_, i) => levels.flatMap((l) => [...(l[i] ?? [])]))
}
