import { resolve } from 'node:path'
import { changedFilesSince, explicitChanges, fileAtRef } from '../discovery/io/git-changes.js'
import { parseHcl, stopHclParser } from '../discovery/io/hcl/parse-hcl.js'
import { loadConfig } from '../config/io/load-config.js'
import type { Config } from '../config/parse-config.js'
import { selectDeployments, type Selection } from '../discovery/select-deployments.js'
import { tfvarsDeployment } from '../discovery/tfvars-deployment.js'
import { buildExecutionGraph, type ExecutionGraph } from '../graph/deployment-graph.js'
import type { DiscoveryWarning, FileChange } from '../model/deployment.js'
import { discover, type Discovery } from '../discovery/io/discover.js'

/** What to run: everything, the changes since a base ref, or an explicit file list. */
export interface SelectionOptions {
  workingDir: string
  configPath?: string
  baseRef?: string
  changedFiles?: string
  all?: boolean
}

export interface Workspace {
  workingDir: string
  config: Config
  discovery: Discovery
  changes: FileChange[] | 'all'
  selection: Selection
  graph: ExecutionGraph
  warnings: DiscoveryWarning[]
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
  const config = await loadConfig(workingDir, options.configPath)
  const discovery = await discover(workingDir, config)
  const changes = await resolveChanges(options, workingDir)
  const selection = selectDeployments({ deployments: discovery.deployments, calls: discovery.calls, changes })
  if (options.baseRef && changes !== 'all') await addRemovedStateKeys(selection, workingDir, options.baseRef, discovery, config)
  const graph = buildExecutionGraph({
    all: discovery.deployments,
    selected: new Set(selection.selected.map((d) => d.id)),
    serviceDependencies: config.serviceDependencies,
    explicit: config.deployment_dependencies
  })
  return { workingDir, config, discovery, changes, selection, graph, warnings: discovery.warnings }
}

async function resolveChanges(options: SelectionOptions, workingDir: string): Promise<FileChange[] | 'all'> {
  if (options.all) return 'all'
  if (options.changedFiles !== undefined) return explicitChanges(options.changedFiles, workingDir)
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
        values: await parseHcl(removed.file, text),
        rootDir: tfvars.root_module,
        serviceMapping: config.serviceMapping,
        keyTemplate: config.backend_key_template,
        combinedName: config.combined_service_name
      })
      removed.stateKey = old.stateKey
      removed.text = `deleted ${removed.file}: state ${old.stateKey} is kept and its resources are NOT destroyed (run destroy explicitly)`
    } catch {
      // The old file was itself invalid; the plain message stands.
    }
  }
}
