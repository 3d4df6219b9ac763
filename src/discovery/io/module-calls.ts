import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join, posix } from 'node:path'
import { parseHcl } from './hcl/parse-hcl.js'
import { resolveModuleDir } from '../module-impact.js'
import type { DiscoveryWarning } from '../../model/deployment.js'

export interface ModuleCallScan {
  /** Directory -> local module directories it calls (relative posix paths). */
  calls: Map<string, string[]>
  warnings: DiscoveryWarning[]
}

/**
 * Reads the `module` blocks of every `.tf` file in `dirs`, following local
 * sources (`./`, `../`) transitively. Registry and git sources are not local
 * and are skipped; a source that is an expression is reported as a warning.
 */
export async function scanModuleCalls(workingDir: string, dirs: readonly string[]): Promise<ModuleCallScan> {
  const calls = new Map<string, string[]>()
  const warnings: DiscoveryWarning[] = []
  const queue = [...dirs]
  while (queue.length > 0) {
    const dir = queue.shift() as string
    if (calls.has(dir)) continue
    const callees = new Set<string>()
    for (const file of await tfFiles(workingDir, dir)) {
      const rel = posix.join(dir, file)
      const parsed = await parseHcl(rel, await readFile(join(workingDir, rel), 'utf8'))
      for (const source of moduleSources(parsed)) {
        if (source.includes('${')) {
          warnings.push({ file: rel, message: `module source ${source} is an expression; changes to the module it names cannot be detected` })
        } else if (source.startsWith('./') || source.startsWith('../')) {
          const callee = resolveModuleDir(dir, source)
          if (existsSync(join(workingDir, callee))) callees.add(callee)
          else warnings.push({ file: rel, message: `module source ${source} points to ${callee}, which does not exist` })
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
    return entries.filter((e) => e.isFile() && e.name.endsWith('.tf')).map((e) => e.name).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

function moduleSources(parsed: Record<string, unknown>): string[] {
  const modules = parsed.module
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
