import type { Deployment, FileChange, RemovedDeployment, SelectedDeployment, SelectionReason } from '../model/deployment.js'
import { printablePath } from '../model/names.js'
import { impactedModules, isDocumentation, isInside, owningDir, rootImpact, type ModuleCalls } from './module-impact.js'
import { isVarFile } from './terraform-files.js'

export interface SelectionInput {
  deployments: readonly Deployment[]
  /** Root and module directories -> the local modules they call. */
  calls: ModuleCalls
  /** `all` selects everything (for example the nightly drift run). */
  changes: readonly FileChange[] | 'all'
}

export interface Selection {
  selected: SelectedDeployment[]
  removed: RemovedDeployment[]
}

/**
 * Maps changed files to the deployments they affect, each with the reasons it
 * was selected. Pure: everything it needs was read by the discovery adapter.
 */
export function selectDeployments(input: SelectionInput): Selection {
  if (input.changes === 'all') {
    return {
      selected: input.deployments.map((d) => withReasons(d, [{ kind: 'all', text: 'all deployments requested' }])),
      removed: []
    }
  }
  const present = input.changes.filter((c) => c.status !== 'deleted').map((c) => c.path)
  const allChanged = input.changes.map((c) => c.path)
  const impacted = impactedModules(input.calls, allChanged)
  const knownDirs = new Set<string>([...input.calls.keys(), ...[...input.calls.values()].flat()])
  const byVarFile = new Map(input.deployments.filter((d) => d.varFile).map((d) => [d.varFile as string, d]))

  const selected: SelectedDeployment[] = []
  for (const deployment of input.deployments) {
    const reasons: SelectionReason[] = []
    if (deployment.varFile && present.includes(deployment.varFile)) {
      reasons.push({ kind: 'tfvars-changed', file: deployment.varFile, text: `changed ${printablePath(deployment.varFile)}` })
    }
    for (const file of allChanged) {
      // A deployment's own var file is not a change of its root module or stack.
      if (isDocumentation(file) || file.endsWith('.tfvars') || byVarFile.has(file)) continue
      if (deployment.layout === 'stacks' && owningDir(file, knownDirs) === deployment.rootDir) {
        reasons.push({ kind: 'stack-changed', file, text: `changed ${printablePath(file)}` })
      }
      if (deployment.layout === 'tfvars' && directlyIn(file, deployment.rootDir)) {
        reasons.push({ kind: 'root-module-changed', file, text: `changed ${printablePath(file)} in the shared root module` })
      }
    }
    const chain = rootImpact(deployment.rootDir, input.calls, impacted)
    if (chain) {
      const via = chain.length > 1 ? ` (via ${chain.slice(1).map(printablePath).join(' -> ')})` : ''
      reasons.push({ kind: 'module-changed', moduleChain: chain, text: `module ${printablePath(chain[0] as string)} changed${via}` })
    }
    if (reasons.length > 0) selected.push(withReasons(deployment, reasons))
  }

  const removed: RemovedDeployment[] = input.changes
    .filter((c) => c.status === 'deleted' && isVarFile(c.path) && !byVarFile.has(c.path))
    .map((c) => ({ file: c.path, text: `deleted ${printablePath(c.path)}: its resources are NOT destroyed (run destroy explicitly)` }))
    .sort((a, b) => a.file.localeCompare(b.file))
  return { selected, removed }
}

/**
 * The deployment with its reasons. Object.assign, not a spread: V8 gives each
 * object made by `{ ...d, reasons }` a hidden class of its own, which for a
 * fleet's thousands of deployments costs megabytes and collection time.
 */
function withReasons(deployment: Deployment, reasons: SelectionReason[]): SelectedDeployment {
  return Object.assign({}, deployment, { reasons })
}

function directlyIn(file: string, dir: string): boolean {
  if (!isInside(file, dir)) return false
  const rest = dir === '.' ? file : file.slice(dir.length + 1)
  return !rest.includes('/')
}
