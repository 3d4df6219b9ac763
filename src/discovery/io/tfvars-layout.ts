import { readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import type { Config } from '../../config/parse-config.js'
import type { TfvarsLayoutConfig } from '../../config/schema.js'
import type { Deployment, DiscoveryWarning } from '../../model/deployment.js'
import { DiscoveryError } from '../discovery-error.js'
import { isAutoLoaded, isVarFile, underModules } from '../terraform-files.js'
import { tfvarsDeployment } from '../tfvars-deployment.js'
import { HclSyntaxError } from './hcl/parse-hcl.js'
import type { ParseCache } from './parse-cache.js'
import { parseFile } from './parse-file.js'
import { listFiles } from './scan-files.js'

/** The deployments of a tfvars layout: one per variables file below its roots, in path order. */
export async function tfvarsLayout(
  workingDir: string,
  layout: TfvarsLayoutConfig,
  config: Config,
  warnings: DiscoveryWarning[],
  cache: ParseCache
): Promise<Deployment[]> {
  const rootDir = posix.normalize(layout.root_module)
  const files = new Set<string>()
  for (const root of layout.roots) for (const f of await listFiles(workingDir, root, warnings)) files.add(f)
  const varFiles = [...files].filter((f) => isVarFile(f) && !isAutoLoaded(f, rootDir) && !underModules(f)).sort()
  // Every parse is asked for at once: files the parser process must read queue there instead of waiting a round trip each.
  const texts = varFiles.map((file) => readFileSync(join(workingDir, file), 'utf8'))
  const parsed = await Promise.allSettled(varFiles.map((file, i) => parseOrExplain(file, texts[i] as string, cache)))
  const deployments: Deployment[] = []
  for (const [i, file] of varFiles.entries()) {
    const text = texts[i] as string
    const outcome = parsed[i] as PromiseSettledResult<Record<string, unknown>>
    if (outcome.status === 'rejected') throw outcome.reason
    const values = outcome.value
    deployments.push(
      tfvarsDeployment({
        file,
        text,
        values,
        rootDir,
        serviceMapping: config.serviceMapping,
        keyTemplate: config.backend_key_template,
        combinedName: config.combined_service_name
      })
    )
  }
  return deployments
}

async function parseOrExplain(file: string, text: string, cache: ParseCache): Promise<Record<string, unknown>> {
  try {
    return await parseFile(file, text, cache)
  } catch (error) {
    if (error instanceof HclSyntaxError) throw new DiscoveryError(`tfvars syntax error: ${error.message}`)
    throw error
  }
}

