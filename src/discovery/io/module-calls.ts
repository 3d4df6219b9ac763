import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, posix } from 'node:path'
import type { ParseCache } from './parse-cache.js'
import { parseFile } from './parse-file.js'
import { resolveModuleDir } from '../module-impact.js'
import type { DiscoveryWarning } from '../../model/deployment.js'
import { printablePath } from '../../model/names.js'
import { isTerraformFile } from '../terraform-files.js'

export interface ModuleCallScan {
  /** Directory -> local module directories it calls (relative posix paths). */
  calls: Map<string, string[]>
  warnings: DiscoveryWarning[]
}

/**
 * Reads the `module` blocks of every `.tf` / `.tf.json` file in `dirs`, following local
 * sources (`./`, `../`) transitively. Registry and git sources are not local
 * and are skipped; a source that is an expression is reported as a warning.
 */
export async function scanModuleCalls(workingDir: string, dirs: readonly string[], cache?: ParseCache): Promise<ModuleCallScan> {
  const calls = new Map<string, string[]>()
  const warnings: DiscoveryWarning[] = []
  const queue = [...dirs]
  while (queue.length > 0) {
    const dir = queue.shift() as string
    if (calls.has(dir)) continue
    const callees = new Set<string>()
    for (const file of await tfFiles(workingDir, dir)) {
      const rel = posix.join(dir, file)
      const parsed = await parseFile(rel, await readFile(join(workingDir, rel), 'utf8'), cache)
      for (const source of moduleSources(parsed)) {
        const where = printablePath(rel)
        if (source.includes('${')) {
          warnings.push({ file: where, message: `module source ${printablePath(source)} is an expression; changes to the module it names cannot be detected` })
        } else if (source.startsWith('./') || source.startsWith('../')) {
          const callee = resolveModuleDir(dir, source)
          if (existsSync(join(workingDir, callee))) callees.add(callee)
          else warnings.push({ file: where, message: `module source ${printablePath(source)} points to ${printablePath(callee)}, which does not exist` })
        }
      }
    }
    calls.set(dir, [...callees].sort())
    queue.push(...callees)
  }
  return { calls, warnings }
}

async function tfFiles(workingDir: string, dir: string): Promise<string[]> {
  try {
    const entries = await readdir(join(workingDir, dir), { withFileTypes: true })
    const names: string[] = []
    for (const e of entries) {
      if (!isTerraformFile(e.name)) continue
      // A symlinked file counts (OpenTofu reads it); a broken link is listed by the folder scan.
      if (e.isFile() || (e.isSymbolicLink() && (await stat(join(workingDir, dir, e.name)).catch(() => undefined))?.isFile())) names.push(e.name)
    }
    return names.sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

function moduleSources(parsed: Record<string, unknown>): string[] {
  // HCL gives {name: [block]}; JSON syntax allows {name: block} and [{name: block}].
  const modules = Array.isArray(parsed.module) ? Object.assign({}, ...(parsed.module as object[])) : parsed.module
  if (!modules || typeof modules !== 'object') return []
  const sources: string[] = []
  for (const blocks of Object.values(modules as Record<string, unknown>)) {
    for (const block of Array.isArray(blocks) ? blocks : [blocks]) {
      const source = (block as { source?: unknown } | undefined)?.source
      if (typeof source === 'string') sources.push(source)
    }
  }
  return sources
}
