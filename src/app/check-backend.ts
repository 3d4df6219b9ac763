import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigError, type Config } from '../config/parse-config.js'
import type { Deployment } from '../model/deployment.js'
import { backendBlocks, backendProblem, type BackendBlock } from '../state/backend-block.js'

/**
 * The backend blocks of one root module's .tf files, with the file (relative to the working directory, posix).
 * Synchronous: a stacks fleet has a root module per deployment, and two trips through the thread pool per small file cost more than the reading.
 */
function blocksOf(workingDir: string, rootDir: string): { file: string; block: BackendBlock }[] {
  const dir = join(workingDir, rootDir)
  let names: string[] = []
  try {
    names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.tf')).map((e) => e.name)
  } catch {
    // No folder: no backend block, which backendProblem reports.
  }
  const found: { file: string; block: BackendBlock }[] = []
  for (const name of names.sort()) {
    const file = rootDir === '.' || rootDir === '' ? name : `${rootDir}/${name}`
    for (const block of backendBlocks(readFileSync(join(dir, name), 'utf8'))) found.push({ file, block })
  }
  return found
}

/**
 * Checks, before anything runs, that the root module of every deployment
 * declares the backend the configured store needs (`backend "s3" {}` for
 * `state.type: s3`, `backend "local" {}` for local). Throws a ConfigError
 * naming the file and line of each mismatch.
 */
export async function checkBackends(workingDir: string, config: Config, deployments: readonly Pick<Deployment, 'rootDir'>[]): Promise<void> {
  const problems: string[] = []
  for (const rootDir of [...new Set(deployments.map((d) => d.rootDir))].sort()) {
    const problem = backendProblem(config.state.type, blocksOf(workingDir, rootDir))
    if (!problem) continue
    // A mismatch already names file:line; a missing block names the module.
    problems.push(/^\S+:\d+: /.test(problem) ? problem : `root module ${rootDir === '' ? '.' : rootDir}: ${problem}`)
  }
  if (problems.length > 0) {
    const where = config.file ? ` (${config.file})` : ''
    throw new ConfigError(`the root modules' backend does not match the state store${where}:\n  ${problems.join('\n  ')}`)
  }
}
