import type { ReviewSettings } from '../engine/run-settings.js'
import type { DependencyGraph } from '../graph/dag.js'
import { upstreamOf } from './plan-reads.js'
import { parseReviewRef } from './review-ref.js'

/**
 * The review settings of a run from `--review owner/repo#<pr>@<sha>`: a plan
 * run stores its plans, an apply run applies the stored ones. Undefined
 * without a review. The graph gives each deployment's upstream.
 */
export function reviewSettingsOf(command: 'plan' | 'apply', review: string | undefined, graph: DependencyGraph, retentionDays?: number): ReviewSettings | undefined {
  if (review === undefined) return undefined
  return {
    ...parseReviewRef(review),
    mode: command === 'apply' ? 'apply-reviewed' : 'store',
    upstream: upstreamOf(graph),
    ...(retentionDays !== undefined ? { planRetentionDays: retentionDays } : {})
  }
}
