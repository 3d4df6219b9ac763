import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The shipped policy library: the `policies/` folder beside action.yml, found
 * by walking up from this module (src/policy/ in development, dist/ when bundled).
 */
export function builtinPoliciesDir(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'action.yml')) && existsSync(join(dir, 'policies'))) return join(dir, 'policies')
    if (dirname(dir) === dir) return undefined
  }
}
