import { readFileSync } from 'node:fs'
import { join, posix, sep } from 'node:path'
import type { Config } from '../../config/parse-config.js'
import type { TfvarsLayoutConfig } from '../../config/schema.js'
import type { Deployment, DiscoveryWarning } from '../../model/deployment.js'
import { DiscoveryError } from '../discovery-error.js'
import { SKIMMED } from '../literal-tfvars.js'
import { isAutoLoaded, isVarFile, underModules } from '../terraform-files.js'
import { tfvarsDeployments } from '../tfvars-deployment.js'
import { HclSyntaxError } from './hcl/parse-hcl.js'
import type { ParseCache } from './parse-cache.js'
import { parseFile, parseLiteralFile } from './parse-file.js'
import { listFiles } from './scan-files.js'
import type { TfvarsReadCache } from './tfvars-read-cache.js'

// One options object for every file: node copies a fresh one per call when given 'utf8'.
const UTF8 = { encoding: 'utf8' } as const

/** The deployments of a tfvars layout: one per variables file below its roots, in path order. */
export async function tfvarsLayout(
  workingDir: string,
  layout: TfvarsLayoutConfig,
  config: Config,
  warnings: DiscoveryWarning[],
  cache: ParseCache,
  reads: TfvarsReadCache
): Promise<Deployment[]> {
  const rootDir = posix.normalize(layout.root_module)
  const lists: string[][] = []
  for (const root of layout.roots) lists.push(await listFiles(workingDir, root, warnings))
  // One root lists each file once; only overlapping roots list a file twice.
  const files = lists.length === 1 ? (lists[0] as string[]) : [...new Set(lists.flat())]
  const varFiles = files.filter((f) => isVarFile(f) && !isAutoLoaded(f, rootDir) && !underModules(f))
  // One root's list is already sorted (and so is what the filter keeps).
  if (lists.length > 1) varFiles.sort()
  const make = tfvarsDeployments({
    rootDir,
    serviceMapping: config.serviceMapping,
    keyTemplate: config.backend_key_template,
    combinedName: config.combined_service_name
  })
  const deploymentOf = (file: string, text: string, values: Record<string, unknown>): Deployment => make(file, values, () => text)
  // join() once: a listed path has dot segments (`../`) only at its start, and join() per file costs a fleet more than it should.
  const prefix = join(workingDir, sep)
  const pathOf = (file: string): string => (file.startsWith('.') ? join(workingDir, file) : prefix + file)
  // A file the cache answered is read only if its deployment's error needs its text.
  const textOf = (file: string): string => readFileSync(pathOf(file), UTF8)
  // A plain literal file (the common case) becomes its deployment at once, so
  // neither its text nor its values outlive it. Its error waits: the first
  // file in path order with a problem is the one reported.
  const outcomes: Outcome[] = []
  let failed = false
  const others: { file: string; text: string }[] = []
  for (let i = 0; i < varFiles.length; i++) {
    const file = varFiles[i] as string
    const path = pathOf(file)
    const known = reads.get(file, path)
    if (known) {
      try {
        outcomes.push(make(file, known, textOf, known.names))
      } catch (error) {
        outcomes.push(new Failed(error))
        failed = true
      }
      continue
    }
    const { text, stat } = reads.read(path)
    // A deployment needs only the top-level names and two strings; a list or object there is
    // built after all, for the error to quote it.
    let values = parseLiteralFile(file, text, true)
    if (values && (values.account_name === SKIMMED || values.region === SKIMMED)) values = parseLiteralFile(file, text)
    if (values === undefined) {
      outcomes.push(others.push({ file, text }) - 1)
      continue
    }
    try {
      const deployment = deploymentOf(file, text, values)
      outcomes.push(deployment)
      reads.set(file, stat, { account_name: deployment.account, region: deployment.region, names: Object.keys(values) })
    } catch (error) {
      outcomes.push(new Failed(error))
      failed = true
    }
  }
  // The other parses are asked for at once: files the parser process must read queue there instead of waiting a round trip each.
  const parsed = await Promise.allSettled(others.map((o) => parseOrExplain(o.file, o.text, cache)))
  if (others.length === 0 && !failed) return outcomes as Deployment[]
  return outcomes.map((outcome) => {
    if (outcome instanceof Failed) throw outcome.error
    if (typeof outcome !== 'number') return outcome
    const result = parsed[outcome] as PromiseSettledResult<Record<string, unknown>>
    if (result.status === 'rejected') throw result.reason
    const { file, text } = others[outcome] as { file: string; text: string }
    return deploymentOf(file, text, result.value)
  })
}

/** A variables file's error, kept until the files before it are known to be good. */
class Failed {
  constructor(readonly error: unknown) {}
}

/** What became of one variables file: its deployment, its error, or its place among the files the parser reads (no wrapper object per file). */
type Outcome = Deployment | Failed | number

async function parseOrExplain(file: string, text: string, cache: ParseCache): Promise<Record<string, unknown>> {
  try {
    return await parseFile(file, text, cache)
  } catch (error) {
    if (error instanceof HclSyntaxError) throw new DiscoveryError(`tfvars syntax error: ${error.message}`)
    throw error
  }
}

