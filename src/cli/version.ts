import packageJson from '../../package.json' with { type: 'json' }
import type { Environment } from '../app/environment.js'
import { resolveBinary } from '../terraform/io/check-binary.js'

/** The tool's version, inlined from package.json when the bundle is built. */
export const VERSION: string = packageJson.version

/** `--version`: the tool's version and the binary a run would use (or why there is none). */
export async function versionText(binary: string, env: Environment): Promise<string> {
  let found: string
  try {
    const b = await resolveBinary(binary, env.childEnv)
    found = `${b.path} (${b.name === 'opentofu' ? 'OpenTofu' : 'Terraform'} v${b.version})`
  } catch (error) {
    found = `not found (${error instanceof Error ? error.message : String(error)})`
  }
  return `tf-orchestrator ${VERSION}\nbinary: ${binary}: ${found}`
}
