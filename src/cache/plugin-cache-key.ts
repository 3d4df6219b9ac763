/** What the provider plugin cache depends on: where it runs, which binary, which providers the lock files pin. */
export interface PluginCacheKeyParts {
  /** process.platform / process.arch of the runner: provider packages are per platform. */
  os: string
  arch: string
  /** `opentofu` or `terraform`, and its version: each binary keeps its own cache layout. */
  binary: string
  version: string
  /** One digest over every `.terraform.lock.hcl` (their paths and contents); empty when there is none. */
  lockDigest: string
}

/** The exact key to save under and the prefixes a restore falls back to, most specific first. */
export interface PluginCacheKey {
  key: string
  restoreKeys: string[]
}

/** Cache keys may not contain commas and are at most 512 characters. */
const clean = (part: string): string => part.replace(/[^\w.-]/g, '_') || 'none'

/**
 * The key `tf-orchestrator-plugins-<os>-<arch>-<binary>-<version>-<lockDigest>`.
 * When a lock file changes, the restore falls back to the newest cache of the
 * same platform and binary version (most providers are still in it), and the
 * post step saves the result under the new key.
 */
export function pluginCacheKey(parts: PluginCacheKeyParts): PluginCacheKey {
  const prefix = ['tf-orchestrator-plugins', parts.os, parts.arch, parts.binary, parts.version].map(clean).join('-')
  return { key: `${prefix}-${clean(parts.lockDigest)}`, restoreKeys: [`${prefix}-`] }
}
