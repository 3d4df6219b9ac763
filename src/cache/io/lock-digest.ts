import { createHash } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'

/** Folders that never hold a lock file of ours: tool data, VCS, dependencies. */
const SKIPPED = new Set(['.git', '.terraform', '.tf-orchestrator', 'node_modules'])
const LOCK_FILE = '.terraform.lock.hcl'

/** Every `.terraform.lock.hcl` below `root`, as sorted paths relative to it. */
export async function lockFiles(root: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED.has(entry.name)) await walk(join(dir, entry.name))
      else if (entry.isFile() && entry.name === LOCK_FILE) found.push(relative(root, join(dir, entry.name)).split('\\').join('/'))
    }
  }
  await walk(root)
  return found.sort()
}

/**
 * A SHA-256 over the relative path and contents of every lock file below
 * `root` (first 32 hex digits); '' when there is none. Moving or editing any
 * lock file changes it.
 */
export async function lockDigest(root: string): Promise<string> {
  const files = await lockFiles(root)
  if (files.length === 0) return ''
  const hash = createHash('sha256')
  for (const file of files) {
    hash.update(`${file}\0`)
    hash.update(await readFile(join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 32)
}
