import type { DriftFindings } from '../github/io/drift-observer.js'
import type { RunSummary } from '../model/run-result.js'

/**
 * What a drift run found: the drift observer's findings when it ran, else the
 * deployments that planned successfully with changes (the same rule).
 */
export function driftedDeployments(summary: RunSummary, findings: DriftFindings | undefined): string[] {
  return findings?.drifted ?? summary.deployments.filter((r) => r.status === 'succeeded' && r.hasChanges).map((r) => r.id)
}

/** Why a drift run fails the job (`fail-on-drift: true` and something drifted), or undefined. */
export function driftFailure(drifted: readonly string[], failOnDrift: boolean): string | undefined {
  if (!failOnDrift || drifted.length === 0) return undefined
  const shown = drifted.slice(0, 10).join(', ')
  return `drift in ${drifted.length} deployment(s): ${shown}${drifted.length > 10 ? ', ...' : ''} (fail-on-drift is true)`
}
