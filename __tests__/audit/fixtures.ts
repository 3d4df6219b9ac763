import type { SelectedDeployment } from '../../src/model/deployment.js'
import type { DeploymentResult, RunSummary } from '../../src/model/run-result.js'
import type { RunStart } from '../../src/engine/run-observer.js'
import type { RunSettings } from '../../src/engine/run-settings.js'

/** A selected tfvars deployment `{service}/{account}/{region}/{project}`. */
export function deployment(service: string, account: string, region: string, project: string): SelectedDeployment {
  const id = `${service}/${account}/${region}/${project}`
  return {
    id,
    name: `${account}/${region}/${project}`,
    layout: 'tfvars',
    account,
    region,
    project,
    services: service === 'combined' ? ['kms', 's3'] : [service],
    stateKey: `${id}/terraform.tfstate`,
    rootDir: '.',
    varFile: `deployments/${account}/${region}/${project}.tfvars`,
    source: `deployments/${account}/${region}/${project}.tfvars`,
    reasons: [{ kind: 'tfvars-changed', file: `deployments/${account}/${region}/${project}.tfvars`, text: 'tfvars file changed' }]
  }
}

/** A result of `d` with the given fields. */
export function resultOf(d: SelectedDeployment, fields: Partial<DeploymentResult>): DeploymentResult {
  return { id: d.id, name: d.name, services: d.services, stateKey: d.stateKey, reasons: d.reasons, status: 'succeeded', phases: {}, attempts: 0, retries: [], durationMs: 0, ...fields }
}

const settings = (runId: string, command: 'plan' | 'apply'): RunSettings => ({
  command,
  destroy: false,
  workingDir: '/repo',
  binary: 'tofu',
  opaBinary: 'opa',
  workers: 4,
  timeoutMs: 1_800_000,
  graceMs: 20_000,
  retry: { maxAttempts: 3, initialDelayMs: 1000, patterns: [] },
  throttle: { windowMs: 0 },
  workDir: '/repo/.tf-orchestrator/work',
  runDir: `/repo/.tf-orchestrator/runs/${runId}`,
  runId,
  pluginCacheDir: '/cache',
  historyFile: '/repo/.tf-orchestrator/history.json',
  debug: false,
  noColor: true,
  strategy: 'dag',
  env: {}
})

export const BINARY = { path: '/usr/bin/tofu', name: 'tofu', version: '1.11.6' }

/** The runStarted event of a run. */
export function runStart(runId: string, command: 'plan' | 'apply', deployments: SelectedDeployment[], startedAt: Date): RunStart {
  return { settings: settings(runId, command), deployments, levels: [deployments.map((d) => d.id)], binary: BINARY, startedAt }
}

/** A run summary over `results`, with totals counted by hand in each test. */
export function summaryOf(runId: string, command: 'plan' | 'apply', results: DeploymentResult[], startedAt: Date, totals: RunSummary['totals']): RunSummary {
  const durationMs = Math.max(0, ...results.map((r) => (r.startedAt ? Date.parse(r.startedAt) + r.durationMs - startedAt.getTime() : 0)))
  return {
    runId,
    command,
    destroy: false,
    binary: BINARY,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date(startedAt.getTime() + durationMs).toISOString(),
    durationMs,
    workers: 4,
    executionLevels: [results.map((r) => r.id)],
    parallelDeployments: 2,
    cancelled: false,
    totals,
    deployments: results
  }
}
