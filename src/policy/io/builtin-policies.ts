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

/** The shipped library (unless configuration turns it off) and the user's folders, relative to the working directory. */
export function policyPaths(workingDir: string, policies: { builtin: boolean; paths: readonly string[] }): string[] {
  const paths = policies.paths.map((p) => join(workingDir, p))
  const builtin = policies.builtin ? builtinPoliciesDir() : undefined
  return builtin ? [builtin, ...paths] : paths
}
