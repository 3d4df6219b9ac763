import { joinPosix } from '../model/posix-path.js'

/** Directory (relative, posix) -> the local module directories it calls. */
export type ModuleCalls = ReadonlyMap<string, readonly string[]>

/** A changed module directory and the chain that reaches it: [changed, ..., this]. */
export type ModuleChains = Map<string, string[]>

/** Files whose change never alters what a module or stack plans. */
export function isDocumentation(file: string): boolean {
  return /\.(md|markdown|txt|png|jpe?g|svg)$/i.test(file) || /(^|\/)(LICENSE|CODEOWNERS)$/.test(file)
}

/** Whether `file` lies inside directory `dir` (both relative posix paths). */
export function isInside(file: string, dir: string): boolean {
  if (dir === '.' || dir === '') return !file.startsWith('../')
  return file.startsWith(`${dir}/`)
}

/** The longest directory of `dirs` that contains `file`, if any. */
export function owningDir(file: string, dirs: Iterable<string>): string | undefined {
  let best: string | undefined
  for (const dir of dirs) {
    if (isInside(file, dir) && (best === undefined || dir.length > best.length || best === '.')) best = dir
  }
  return best
}

/**
 * Module directories affected by `changedFiles`: a module whose own files
 * changed, and transitively every module that calls an affected one. Each gets
 * the chain from the changed module to it, shortest first found.
 */
export function impactedModules(calls: ModuleCalls, changedFiles: readonly string[]): ModuleChains {
  const moduleDirs = new Set<string>()
  for (const callees of calls.values()) for (const callee of callees) moduleDirs.add(callee)
  const knownDirs = new Set<string>([...moduleDirs, ...calls.keys()])

  const chains: ModuleChains = new Map()
  const queue: string[] = []
  for (const file of changedFiles) {
    if (isDocumentation(file)) continue
    const dir = owningDir(file, knownDirs)
    if (dir !== undefined && moduleDirs.has(dir) && !chains.has(dir)) {
      chains.set(dir, [dir])
      queue.push(dir)
    }
  }

  const callers = reverse(calls)
  while (queue.length > 0) {
    const changed = queue.shift() as string
    for (const caller of callers.get(changed) ?? []) {
      if (chains.has(caller) || !moduleDirs.has(caller)) continue
      chains.set(caller, [...(chains.get(changed) as string[]), caller])
      queue.push(caller)
    }
  }
  return chains
}

/** The impacted module a root directory calls directly, with its chain, if any. */
export function rootImpact(rootDir: string, calls: ModuleCalls, impacted: ModuleChains): string[] | undefined {
  let best: string[] | undefined
  for (const callee of calls.get(rootDir) ?? []) {
    const chain = impacted.get(callee)
    if (chain && (best === undefined || chain.length < best.length)) best = chain
  }
  return best
}

function reverse(calls: ModuleCalls): Map<string, string[]> {
  const callers = new Map<string, string[]>()
  for (const [caller, callees] of calls) {
    for (const callee of callees) {
      const list = callers.get(callee) ?? []
      list.push(caller)
      callers.set(callee, list)
    }
  }
  return callers
}

/** Joins a module source to its caller's directory (relative posix paths). */
export function resolveModuleDir(callerDir: string, source: string): string {
  return joinPosix(callerDir, source)
}
