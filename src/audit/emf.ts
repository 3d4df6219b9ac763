import type { DeploymentResult } from '../model/run-result.js'

/** CloudWatch namespace of the orchestrator's metrics. */
export const EMF_NAMESPACE = 'Terraform/Orchestrator'

/** Resources the deployment changed: applied ones for an apply, planned ones for a plan (as summary.json counts them). */
export function resourcesChanged(result: DeploymentResult, action: string): number {
  if (!result.counts) return 0
  if (action.startsWith('apply') && !result.applied) return 0
  const c = result.counts
  return c.create + c.update + c.delete + c.replace
}

/**
 * One CloudWatch Embedded Metric Format line for a finished deployment (pure):
 * DeploymentDuration (Seconds), DeploymentSuccess (0/1, Count) and
 * ResourcesChanged (Count) under the dimensions Account, Service, Action.
 * A deployment of several services has Service `kms+s3` (sorted, joined by `+`).
 * DeploymentId and Status ride along as plain members (not dimensions: they
 * would make one metric per deployment).
 */
export function emfLine(result: DeploymentResult, deployment: { account: string }, action: string, timestamp: Date, extra: Record<string, string> = {}): string {
  const document = {
    ...extra,
    _aws: {
      Timestamp: timestamp.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: EMF_NAMESPACE,
          Dimensions: [['Account', 'Service', 'Action']],
          Metrics: [
            { Name: 'DeploymentDuration', Unit: 'Seconds' },
            { Name: 'DeploymentSuccess', Unit: 'Count' },
            { Name: 'ResourcesChanged', Unit: 'Count' }
          ]
        }
      ]
    },
    Account: deployment.account,
    Service: [...result.services].sort().join('+') || 'general',
    Action: action,
    DeploymentId: result.id,
    Status: result.status,
    DeploymentDuration: result.durationMs / 1000,
    DeploymentSuccess: result.status === 'succeeded' ? 1 : 0,
    ResourcesChanged: resourcesChanged(result, action)
  }
  return JSON.stringify(document)
}
