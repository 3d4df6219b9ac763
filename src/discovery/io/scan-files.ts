import { readdir } from 'node:fs/promises'
import { join, posix } from 'node:path'

/** Folders that never hold deployments: tool caches, VCS data, dependencies. */
const SKIPPED_DIRS = new Set(['.git', '.terraform', '.tf-orchestrator', '.tools', 'node_modules', '.github'])

/**
 * Every file below `root` (relative posix paths from `base`), skipping
 * SKIPPED_DIRS and hidden folders. Sorted for stable output.
 */
export async function listFiles(base: string, root: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (rel: string): Promise<void> => {
    let entries
    try {
      entries = await readdir(join(base, rel), { withFileTypes: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    for (const entry of entries) {
      const path = rel === '.' ? entry.name : posix.join(rel, entry.name)
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) await walk(path)
      } else if (entry.isFile()) {
        found.push(path)
      }
    }
  }
  await walk(posix.normalize(root))
  return found.sort()
}

/** Directories (relative posix) that directly contain at least one `.tf` file. */
export function terraformDirs(files: readonly string[]): string[] {
  const dirs = new Set<string>()
  for (const file of files) if (file.endsWith('.tf')) dirs.add(posix.dirname(file))
  return [...dirs].sort()
}
