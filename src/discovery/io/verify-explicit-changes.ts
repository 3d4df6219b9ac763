import type { DiscoveryWarning, FileChange } from '../../model/deployment.js'
import { printablePath } from '../../model/names.js'
import { fileAtRef } from './git-changes.js'

/**
 * An explicitly listed file that is not in the working tree is a deletion only
 * if it existed: with a base ref, one that is not there either is a typo,
 * dropped with a warning; without one it counts as deleted, with a warning.
 */
export async function verifyExplicitChanges(
  changes: readonly FileChange[],
  workingDir: string,
  baseRef: string | undefined
): Promise<{ changes: FileChange[]; warnings: DiscoveryWarning[] }> {
  const kept: FileChange[] = []
  const warnings: DiscoveryWarning[] = []
  for (const change of changes) {
    const file = printablePath(change.path)
    if (change.status !== 'deleted') kept.push(change)
    else if (baseRef === undefined) {
      kept.push(change)
      warnings.push({ file, message: 'the changed file does not exist in the working tree; counted as deleted (give --base-ref to check that it existed)' })
    } else if ((await fileAtRef(workingDir, baseRef, change.path)) === undefined) {
      warnings.push({ file, message: `ignored: the changed file exists neither in the working tree nor at ${printablePath(baseRef)}` })
    } else kept.push(change)
  }
  return { changes: kept, warnings }
}
