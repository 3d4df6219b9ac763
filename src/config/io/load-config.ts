import { readFile } from 'node:fs/promises'
import { isAbsolute, join, relative } from 'node:path'
import { DEFAULT_CONFIG_FILE } from '../defaults.js'
import { printablePath } from '../../model/names.js'
import { ConfigError, defaultConfig, parseConfig, type Config } from '../parse-config.js'

/**
 * Loads the configuration: `explicitPath` when given (it must exist), else
 * `.tf-orchestrator.yml` in the working directory when present, else defaults.
 */
export async function loadConfig(workingDir: string, explicitPath?: string): Promise<Config> {
  const path = explicitPath ? (isAbsolute(explicitPath) ? explicitPath : join(process.cwd(), explicitPath)) : join(workingDir, DEFAULT_CONFIG_FILE)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !explicitPath) return defaultConfig()
    throw new ConfigError(`${printablePath(path)}: cannot read the configuration file: ${printablePath((error as Error).message)}`)
  }
  return parseConfig(text, displayPath(path))
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path)
  return printablePath(rel.startsWith('..') ? path : rel)
}
