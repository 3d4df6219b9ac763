import type { DiscoveryWarning, FileChange } from '../model/deployment.js'
import { printablePath } from '../model/names.js'
import { owningDir, type ModuleCalls } from './module-impact.js'

/**
 * Splits explicitly listed changes: a path outside the working directory
 * counts only when it lies in a module the deployments call (`../modules/x`);
 * any other is dropped with a warning instead of selecting nothing silently.
 */
export function dropOutsideChanges(changes: readonly FileChange[], calls: ModuleCalls, workingDir: string): { changes: FileChange[]; warnings: DiscoveryWarning[] } {
  const knownDirs = new Set<string>([...calls.keys(), ...[...calls.values()].flat()])
  const kept: FileChange[] = []
  const warnings: DiscoveryWarning[] = []
  for (const change of changes) {
    const outside = change.path === '..' || change.path.startsWith('../') || change.path.startsWith('/')
    if (outside && owningDir(change.path, knownDirs) === undefined) {
      warnings.push({
        file: printablePath(change.path),
        message: `ignored: the changed file is outside the working directory ${printablePath(workingDir)} and in no module its deployments call`
      })
    } else kept.push(change)
  }
  return { changes: kept, warnings }
}
