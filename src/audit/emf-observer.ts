import type { SelectedDeployment } from '../model/deployment.js'
import type { RunObserver } from '../engine/run-observer.js'
import { auditAction } from './audit-keys.js'
import { emfLine } from './emf.js'

/**
 * Writes one EMF line per finished deployment through `write` (the lead wires the
 * run's metrics file, and stdout too when `metrics: emf` is set). `now` stamps
 * deployments that never started.
 */
export function emfObserver(write: (line: string) => void | Promise<void>, now: () => Date = () => new Date()): RunObserver {
  const deployments = new Map<string, SelectedDeployment>()
  let action = 'plan'
  let runId = ''
  return {
    name: 'emf-metrics',
    runStarted(run) {
      run.deployments.forEach((d) => deployments.set(d.id, d))
      action = auditAction(run.settings.command, run.settings.destroy)
      runId = run.settings.runId
    },
    async deploymentFinished(result) {
      const d = deployments.get(result.id)
      const at = result.startedAt ? new Date(Date.parse(result.startedAt) + result.durationMs) : now()
      await write(emfLine(result, { account: d?.account ?? 'unknown' }, action, at, { RunId: runId }))
    }
  }
}
