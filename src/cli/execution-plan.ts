import type { Workspace } from '../app/load-workspace.js'
import type { RunSettings } from '../engine/run-settings.js'
import { renderGraphText } from '../render/graph-render.js'
import type { StateStore } from '../state/state-store.js'
import type { ResolvedBinary } from '../terraform/io/check-binary.js'

/** What a run would do, without running it (`--dry-run`, input dry-run). */
export interface ExecutionPlan {
  dryRun: true
  command: 'plan' | 'apply'
  destroy: boolean
  /** As asked for (`tofu`, a path) and as resolved. */
  binary: ResolvedBinary & { requested: string }
  workers: number
  timeoutMinutes: number
  policyMode: 'enforce' | 'warn' | 'off'
  /** Deployment ids in execution order (dependents first for destroy). */
  levels: string[][]
  deployments: { id: string; name: string; services: string[]; stateKey: string; state: string; varFile?: string }[]
  removed: Workspace['selection']['removed']
}

/** The execution plan of a loaded workspace under `settings`. */
export function executionPlan(ws: Workspace, settings: RunSettings, binary: ResolvedBinary, store: StateStore): ExecutionPlan {
  return {
    dryRun: true,
    command: settings.command,
    destroy: settings.destroy,
    binary: { requested: settings.binary, ...binary },
    workers: settings.workers,
    timeoutMinutes: settings.timeoutMs / 60_000,
    policyMode: ws.config.policies.mode,
    levels: settings.destroy ? [...ws.graph.levels].reverse() : ws.graph.levels,
    deployments: ws.selection.selected.map((d) => ({
      id: d.id,
      name: d.name,
      services: d.services,
      stateKey: d.stateKey,
      state: store.describe(d.stateKey),
      varFile: d.varFile
    })),
    removed: ws.selection.removed
  }
}

/** The execution plan as text lines. */
export function renderExecutionPlan(plan: ExecutionPlan, ws: Workspace): string {
  const labels = new Map(ws.discovery.deployments.map((d) => [d.id, d]))
  return [
    `${plan.command}${plan.destroy ? ' (destroy)' : ''} with ${plan.binary.requested}, ${plan.workers} worker(s), timeout ${plan.timeoutMinutes} min`,
    `binary: ${plan.binary.path} (${plan.binary.name === 'opentofu' ? 'OpenTofu' : 'Terraform'} v${plan.binary.version}); policies: ${plan.policyMode}`,
    renderGraphText(ws.graph, labels),
    ...plan.deployments.map((d) => `  ${d.id}: state ${d.state}${d.varFile ? `, var file ${d.varFile}` : ''}`)
  ].join('\n')
}
