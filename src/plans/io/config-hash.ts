import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { configHashText, isConfigInput, moduleDirs, type ConfigInput } from '../config-inputs.js'

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex')
const posixRelative = (from: string, to: string): string => relative(from, to).split(sep).join('/') || '.'

async function inputsOf(workingDir: string, dir: string): Promise<ConfigInput[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const files = entries.filter((e) => !e.isDirectory() && isConfigInput(e.name)).map((e) => join(dir, e.name))
  return Promise.all(files.map(async (file) => ({ path: posixRelative(workingDir, file), sha256: sha256(await readFile(file)) })))
}

/** What a deployment's plan is made from. `rootDir` is absolute; `dataDir` its TF_DATA_DIR (after init). */
export interface ConfigHashInput {
  workingDir: string
  rootDir: string
  dataDir: string
  /** The deployment's -var-file, when it has one. */
  varFile?: string
}

/**
 * SHA-256 over the files a plan is made from: the root module, every module
 * it calls as `init` resolved them (modules.json in the data dir: local ones
 * and downloaded ones), the lock file, auto-loaded variable files and the
 * deployment's var file. Run after init.
 */
export async function configHash(input: ConfigHashInput): Promise<string> {
  const workingDir = resolve(input.workingDir)
  const rootDir = resolve(input.rootDir)
  const modulesJson = await readFile(join(resolve(input.dataDir), 'modules', 'modules.json'), 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined)
  const dirs = moduleDirs(modulesJson).map((d) => (isAbsolute(d) ? d : join(rootDir, d)))
  const inputs = (await Promise.all([...new Set(dirs)].map((d) => inputsOf(workingDir, d)))).flat()
  if (input.varFile) {
    const file = resolve(workingDir, input.varFile)
    inputs.push({ path: posixRelative(workingDir, file), sha256: sha256(await readFile(file)) })
  }
  return sha256(configHashText(inputs))
}
