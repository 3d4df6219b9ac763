import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs'
import { join, posix, sep } from 'node:path'
import type { DiscoveryWarning } from '../../model/deployment.js'
import { printablePath } from '../../model/names.js'
import { DiscoveryError } from '../discovery-error.js'
import { isTerraformFile } from '../terraform-files.js'

/** Folders that never hold deployments: tool caches, VCS data, dependencies. */
const SKIPPED_DIRS = new Set(['.git', '.terraform', '.tf-orchestrator', '.tools', 'node_modules', '.github'])
// One options object for every call: node copies a fresh one per call of a fleet's thousands otherwise.
const WITH_FILE_TYPES = { withFileTypes: true } as const

/**
 * Every file below `root` (relative posix paths from `base`), skipping
 * SKIPPED_DIRS and hidden folders. Sorted for stable output. Symlinks are
 * followed like OpenTofu follows them; a folder whose real path was already
 * scanned (a loop, or a second link to it) and a broken link are skipped with
 * a warning in `warnings`.
 */
export async function listFiles(base: string, root: string, warnings: DiscoveryWarning[] = []): Promise<string[]> {
  const found: string[] = []
  const start = posix.normalize(root)
  // Real paths scanned, to stop at a folder seen again through a symlink. Plain
  // folders form a tree and cannot repeat one another, so until a symlinked
  // folder is followed they are only listed (a fleet has thousands), not looked up.
  const plainReal: string[] = []
  const plainRel: string[] = []
  let scanned: Map<string, string> | undefined
  // Below the root, paths are built by concatenation: a name holds no separator
  // and the parent is already normalized, and join() per entry costs a fleet
  // of thousands of folders more than the reading.
  const under = (dir: string, name: string): string => (dir.endsWith(sep) ? dir + name : `${dir}${sep}${name}`)
  // Synchronous calls: a fleet has thousands of small folders, and one await per folder costs more than the reading.
  const walk = (rel: string, dir: string, knownReal: string | undefined): void => {
    let entries
    try {
      entries = readdirSync(dir, WITH_FILE_TYPES)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new DiscoveryError(`${printablePath(rel)}: cannot read the folder (${code ?? (error as Error).message})`)
      // A configured root that is missing would otherwise find nothing silently.
      if (rel === start) warnings.push({ file: printablePath(rel), message: `skipped: the layout root ${code === 'ENOENT' ? 'does not exist' : 'is not a folder'}` })
      return
    }
    // A plain subfolder's real path is its parent's plus its name; only links need asking.
    const real = knownReal ?? realpathSync(dir)
    if (knownReal === undefined && rel !== start && scanned === undefined) scanned = new Map(plainReal.map((r, i) => [r, plainRel[i] as string]))
    const earlier = scanned?.get(real)
    if (earlier !== undefined) {
      warnings.push({ file: printablePath(rel), message: `skipped: it is the folder ${printablePath(earlier)} again (through a symlink), already scanned` })
      return
    }
    if (scanned) scanned.set(real, rel)
    else {
      plainReal.push(real)
      plainRel.push(rel)
    }
    if (entries.length > 1) entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    // An index loop: this runs for every entry of a fleet, mostly before the JIT has compiled it.
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as Dirent
      const name = entry.name
      const path = rel === start ? posix.join(rel, name) : `${rel}/${name}`
      const link = entry.isSymbolicLink()
      const kind = link ? linkTarget(under(dir, name)) : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other'
      if (typeof kind === 'object') {
        warnings.push({ file: printablePath(path), message: `skipped: a symlink that cannot be followed (${kind.broken})` })
      } else if (kind === 'dir') {
        if (SKIPPED_DIRS.has(name) || name.startsWith('.')) continue
        const child = under(dir, name)
        // Where the folder's own path is its real path (no symlink above it), the one string serves as both.
        walk(path, child, link ? undefined : real === dir ? child : under(real, name))
      } else if (kind === 'file') {
        found.push(path)
      }
    }
  }
  walk(start, join(base, start), undefined)
  return found.sort()
}

/** Files directly in `base` (regular files and links to files), for layout detection. */
export function topLevelFiles(base: string): string[] {
  try {
    return readdirSync(base, { withFileTypes: true })
      .filter((e) => e.isFile() || (e.isSymbolicLink() && linkTarget(join(base, e.name)) === 'file'))
      .map((e) => e.name)
  } catch {
    return []
  }
}

function linkTarget(path: string): 'dir' | 'file' | 'other' | { broken: string } {
  try {
    const target = statSync(path)
    return target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other'
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { broken: code === 'ENOENT' ? 'its target does not exist' : code === 'ELOOP' ? 'it points to itself' : String(code) }
  }
}

/** Directories (relative posix) that directly contain at least one `.tf` or `.tf.json` file. */
export function terraformDirs(files: readonly string[]): string[] {
  const dirs = new Set<string>()
  for (const file of files) if (isTerraformFile(file)) dirs.add(posix.dirname(file))
  return [...dirs].sort()
}
