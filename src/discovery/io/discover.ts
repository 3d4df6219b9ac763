import { basename, posix } from 'node:path'
import { startHclParser } from './hcl/parse-hcl.js'
import { ParseCache } from './parse-cache.js'
import { TfvarsReadCache } from './tfvars-read-cache.js'
import type { Config } from '../../config/parse-config.js'
import type { LayoutConfig, StacksLayoutConfig } from '../../config/schema.js'
import { DiscoveryError } from '../discovery-error.js'
import { stackDeployment } from '../stack-deployment.js'
import type { Deployment, DiscoveryWarning } from '../../model/deployment.js'
import { printablePath } from '../../model/names.js'
import { isTerraformFile, underModules } from '../terraform-files.js'
import { scanModuleCalls } from './module-calls.js'
import { tfvarsLayout } from './tfvars-layout.js'
import { listFiles, terraformDirs, topLevelFiles } from './scan-files.js'

export interface Discovery {
  deployments: Deployment[]
  /** Root and module directories -> local modules they call. */
  calls: Map<string, string[]>
  warnings: DiscoveryWarning[]
  layouts: LayoutConfig[]
  /** True when `layouts` was detected (no `layouts` key in the configuration). */
  layoutsDetected?: boolean
  /** Files the HCL parser itself had to read (neither the literal fast path nor the parse cache knew them). */
  parserCalls?: number
  /** tfvars files read (the read cache did not know them, or they changed). */
  fileReads?: number
}

export interface DiscoverOptions {
  /** false: no parse cache under `.tf-orchestrator/cache/` (default true). */
  cache?: boolean
}

/**
 * Finds every deployment under `workingDir` for the configured (or detected)
 * layouts, and the local module calls of their root modules. Either all
 * deployments are returned or an error naming the file is thrown.
 */
export async function discover(workingDir: string, config: Config, options: DiscoverOptions = {}): Promise<Discovery> {
  const cache = ParseCache.open(options.cache === false ? undefined : workingDir)
  const reads = TfvarsReadCache.open(options.cache === false ? undefined : workingDir)
  if (cache.empty) startHclParser()
  const layoutsDetected = config.layouts === undefined
  const layouts = config.layouts ?? detectLayouts(workingDir)
  const deployments: Deployment[] = []
  const rootDirs = new Set<string>()
  const warnings: DiscoveryWarning[] = []
  for (const layout of layouts) {
    const found =
      layout.type === 'tfvars' ? await tfvarsLayout(workingDir, layout, config, warnings, cache, reads) : await stacksLayout(workingDir, layout, config, warnings, cache)
    // Index loops: a fleet has thousands of deployments, and this runs before the JIT has compiled it.
    for (let i = 0; i < found.length; i++) {
      const d = found[i] as Deployment
      rootDirs.add(d.rootDir)
      deployments.push(d)
    }
  }
  reads.save()
  assertUniqueIds(deployments)
  const scan = await scanModuleCalls(workingDir, [...rootDirs], cache)
  cache.save()
  return { deployments, calls: scan.calls, warnings: unique([...warnings, ...scan.warnings]), layouts, layoutsDetected, parserCalls: cache.misses, fileReads: reads.reads }
}

/** No configured layouts: a root module in the working directory means tfvars, otherwise stacks. */
function detectLayouts(workingDir: string): LayoutConfig[] {
  if (topLevelFiles(workingDir).some(isTerraformFile)) return [{ type: 'tfvars', root_module: '.', roots: ['.'] }]
  return [{ type: 'stacks', roots: ['.'], account: 'default', project: 'default' }]
}

async function stacksLayout(
  workingDir: string,
  layout: StacksLayoutConfig,
  config: Config,
  warnings: DiscoveryWarning[],
  cache: ParseCache
): Promise<Deployment[]> {
  const candidates = new Set<string>()
  for (const root of layout.roots) {
    for (const dir of terraformDirs(await listFiles(workingDir, root, warnings))) if (!underModules(`${dir}/x`)) candidates.add(dir)
  }
  // A directory another candidate calls as a module is a module, not a stack.
  const { calls } = await scanModuleCalls(workingDir, [...candidates], cache)
  const called = new Set([...calls.values()].flat())
  const stacks = [...candidates].filter((dir) => !called.has(dir)).sort()
  const deployments: Deployment[] = []
  for (const dir of stacks) {
    if (dir === '.') {
      warnings.push({ file: '.', message: 'the working directory itself holds .tf files; in the stacks layout it is not a stack' })
      continue
    }
    const parent = posix.dirname(dir)
    const region = parent === '.' ? basename(workingDir) : posix.basename(parent)
    deployments.push(
      stackDeployment({
        dir,
        region,
        account: layout.account,
        project: layout.project,
        keyTemplate: config.backend_key_template,
        combinedName: config.combined_service_name
      })
    )
  }
  return deployments
}

function assertUniqueIds(deployments: readonly Deployment[]): void {
  const seen = new Map<string, Deployment>()
  for (let i = 0; i < deployments.length; i++) {
    const d = deployments[i] as Deployment
    const other = seen.get(d.id)
    if (other) {
      throw new DiscoveryError(
        `${printablePath(d.source)} and ${printablePath(other.source)} would share the state key ${d.stateKey}; give one of them another project folder, account or region`
      )
    }
    seen.set(d.id, d)
  }
}

/** Overlapping roots scan a folder twice; report each problem once. */
function unique(warnings: DiscoveryWarning[]): DiscoveryWarning[] {
  const seen = new Set<string>()
  return warnings.filter((w) => !seen.has(`${w.file}\u0000${w.message}`) && seen.add(`${w.file}\u0000${w.message}`))
}
