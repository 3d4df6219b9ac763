import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { changedFilesSince, explicitChanges, fileAtRef } from '../discovery/io/git-changes.js'
import { stopHclParser } from '../discovery/io/hcl/parse-hcl.js'
import { parseFile } from '../discovery/io/parse-file.js'
import { verifyExplicitChanges } from '../discovery/io/verify-explicit-changes.js'
import { loadConfig } from '../config/io/load-config.js'
import { assertKnownServices } from '../config/check-services.js'
import type { Config } from '../config/parse-config.js'
import { locate } from '../config/yaml-locations.js'
import { DiscoveryError } from '../discovery/discovery-error.js'
import { describeLayouts } from '../discovery/describe-layouts.js'
import { dropOutsideChanges } from '../discovery/outside-changes.js'
import { selectDeployments, type Selection } from '../discovery/select-deployments.js'
import { tfvarsDeployment } from '../discovery/tfvars-deployment.js'
import { buildExecutionGraph, type ExecutionGraph } from '../graph/deployment-graph.js'
import type { DiscoveryWarning, FileChange } from '../model/deployment.js'
import { printablePath } from '../model/names.js'
import { discover, type Discovery } from '../discovery/io/discover.js'

/** What to run: everything, the changes since a base ref, or an explicit file list. */
export interface SelectionOptions {
  workingDir: string
  configPath?: string
  baseRef?: string
  changedFiles?: string
  all?: boolean
  /**
   * Finding no deployment at all is an error (plan, apply) instead of a
   * warning in `warnings` (list, graph).
   */
  requireDeployments?: boolean
  /** Called with the configuration as soon as it is read, before discovery: a caller starts there what needs only it (a run's binary check). */
  onConfig?: (config: Config) => void
}

export interface Workspace {
  workingDir: string
  config: Config
  discovery: Discovery
  changes: FileChange[] | 'all'
  selection: Selection
  graph: ExecutionGraph
  /** Discovery and selection problems that did not stop the run, for the caller to print. */
  warnings: DiscoveryWarning[]
  /** The base ref changes were computed against (the revision `on_failure: reapply-previous` goes back to). */
  baseRef?: string
}

/** Loads configuration, discovers deployments, selects the changed ones and orders them. */
export async function loadWorkspace(options: SelectionOptions): Promise<Workspace> {
  try {
    return await load(options)
  } finally {
    stopHclParser()
  }
}

async function load(options: SelectionOptions): Promise<Workspace> {
  const workingDir = resolve(options.workingDir)
  await assertDirectory(workingDir)
  const config = await loadConfig(workingDir, options.configPath)
  options.onConfig?.(config)
  const discovery = await discover(workingDir, config)
  const warnings = [...discovery.warnings]
  if (discovery.deployments.length === 0) {
    const looked = `looked for ${describeLayouts(discovery.layouts, discovery.layoutsDetected ?? false)}`
    if (options.requireDeployments) throw new DiscoveryError(`no deployments found in ${printablePath(workingDir)} (${looked})`)
    warnings.push({ file: printablePath(workingDir), message: `no deployments found (${looked})` })
  }
  assertKnownServices(config, discovery.deployments.flatMap((d) => d.services))
  const changes = await resolveChanges(options, workingDir, discovery, warnings)
  const selection = selectDeployments({ deployments: discovery.deployments, calls: discovery.calls, changes })
  if (options.baseRef && changes !== 'all') await addRemovedStateKeys(selection, workingDir, options.baseRef, discovery, config)
  const graph = buildExecutionGraph({
    all: discovery.deployments,
    selected: new Set(selection.selected.map((d) => d.id)),
    serviceDependencies: config.serviceDependencies,
    explicit: config.deployment_dependencies,
    locate: (path) => locate(config.file, config.lines, path)
  })
  return { workingDir, config, discovery, changes, selection, graph, warnings, ...(options.baseRef ? { baseRef: options.baseRef } : {}) }
}

async function assertDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined)
  if (!info) throw new DiscoveryError(`working directory ${printablePath(dir)} does not exist`)
  if (!info.isDirectory()) throw new DiscoveryError(`working directory ${printablePath(dir)} is not a directory`)
}

async function resolveChanges(options: SelectionOptions, workingDir: string, discovery: Discovery, warnings: DiscoveryWarning[]): Promise<FileChange[] | 'all'> {
  if (options.all) return 'all'
  if (options.changedFiles !== undefined) {
    const inside = dropOutsideChanges(explicitChanges(options.changedFiles, workingDir), discovery.calls, workingDir)
    const verified = await verifyExplicitChanges(inside.changes, workingDir, options.baseRef)
    warnings.push(...inside.warnings, ...verified.warnings)
    return verified.changes
  }
  if (options.baseRef) return changedFilesSince(workingDir, options.baseRef)
  return 'all'
}

/** A deleted tfvars file's old contents tell which state it had, so the report can name it. */
async function addRemovedStateKeys(selection: Selection, workingDir: string, baseRef: string, discovery: Discovery, config: Config): Promise<void> {
  const tfvars = discovery.layouts.find((l) => l.type === 'tfvars')
  if (!tfvars || tfvars.type !== 'tfvars') return
  for (const removed of selection.removed) {
    const text = await fileAtRef(workingDir, baseRef, removed.file)
    if (text === undefined) continue
    try {
      const old = tfvarsDeployment({
        file: removed.file,
        text,
        values: await parseFile(removed.file, text),
        rootDir: tfvars.root_module,
        serviceMapping: config.serviceMapping,
        keyTemplate: config.backend_key_template,
        combinedName: config.combined_service_name
      })
      removed.stateKey = old.stateKey
      removed.text = `deleted ${printablePath(removed.file)}: state ${old.stateKey} is kept and its resources are NOT destroyed (run destroy explicitly)`
    } catch {
      // The old file was itself invalid; the plain message stands.
    }
  }
}
