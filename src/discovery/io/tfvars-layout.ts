import { readFileSync } from 'node:fs'
import { join, posix, sep } from 'node:path'
import type { Config } from '../../config/parse-config.js'
import type { TfvarsLayoutConfig } from '../../config/schema.js'
import type { Deployment, DiscoveryWarning } from '../../model/deployment.js'
import { DiscoveryError } from '../discovery-error.js'
import { SKIMMED } from '../literal-tfvars.js'
import { isAutoLoaded, isVarFile, underModules } from '../terraform-files.js'
import { tfvarsDeployment } from '../tfvars-deployment.js'
import { HclSyntaxError } from './hcl/parse-hcl.js'
import type { ParseCache } from './parse-cache.js'
import { parseFile, parseLiteralFile } from './parse-file.js'
import { listFiles } from './scan-files.js'

// One options object for every file: node copies a fresh one per call when given 'utf8'.
const UTF8 = { encoding: 'utf8' } as const

/** The deployments of a tfvars layout: one per variables file below its roots, in path order. */
export async function tfvarsLayout(
  workingDir: string,
  layout: TfvarsLayoutConfig,
  config: Config,
  warnings: DiscoveryWarning[],
  cache: ParseCache
): Promise<Deployment[]> {
  const rootDir = posix.normalize(layout.root_module)
  const lists: string[][] = []
  for (const root of layout.roots) lists.push(await listFiles(workingDir, root, warnings))
  // One root lists each file once; only overlapping roots list a file twice.
  const files = lists.length === 1 ? (lists[0] as string[]) : [...new Set(lists.flat())]
  const varFiles = files.filter((f) => isVarFile(f) && !isAutoLoaded(f, rootDir) && !underModules(f)).sort()
  const deploymentOf = (file: string, text: string, values: Record<string, unknown>): Deployment =>
    tfvarsDeployment({
      file,
      text,
      values,
      rootDir,
      serviceMapping: config.serviceMapping,
      keyTemplate: config.backend_key_template,
      combinedName: config.combined_service_name
    })
  // A plain literal file (the common case) becomes its deployment at once, so
  // neither its text nor its values outlive it. Its error waits: the first
  // file in path order with a problem is the one reported.
  const outcomes: Outcome[] = []
  const others: { file: string; text: string }[] = []
  // join() once: a listed path has dot segments (`../`) only at its start, and join() per file costs a fleet more than it should.
  const prefix = join(workingDir, sep)
  for (const file of varFiles) {
    const text = readFileSync(file.startsWith('.') ? join(workingDir, file) : prefix + file, UTF8)
    // A deployment needs only the top-level names and two strings; a list or object there is
    // built after all, for the error to quote it.
    let values = parseLiteralFile(file, text, true)
    if (values && (values.account_name === SKIMMED || values.region === SKIMMED)) values = parseLiteralFile(file, text)
    if (values === undefined) {
      outcomes.push({ other: others.push({ file, text }) - 1 })
      continue
    }
    try {
      outcomes.push({ deployment: deploymentOf(file, text, values) })
    } catch (error) {
      outcomes.push({ error })
    }
  }
  // The other parses are asked for at once: files the parser process must read queue there instead of waiting a round trip each.
  const parsed = await Promise.allSettled(others.map((o) => parseOrExplain(o.file, o.text, cache)))
  return outcomes.map((outcome) => {
    if ('deployment' in outcome) return outcome.deployment
    if ('error' in outcome) throw outcome.error
    const result = parsed[outcome.other] as PromiseSettledResult<Record<string, unknown>>
    if (result.status === 'rejected') throw result.reason
    const { file, text } = others[outcome.other] as { file: string; text: string }
    return deploymentOf(file, text, result.value)
  })
}

/** What became of one variables file: its deployment, its error, or its place among the files the parser reads. */
type Outcome = { deployment: Deployment } | { error: unknown } | { other: number }

async function parseOrExplain(file: string, text: string, cache: ParseCache): Promise<Record<string, unknown>> {
  try {
    return await parseFile(file, text, cache)
  } catch (error) {
    if (error instanceof HclSyntaxError) throw new DiscoveryError(`tfvars syntax error: ${error.message}`)
    throw error
  }
}

