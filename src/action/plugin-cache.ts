import * as cache from '@actions/cache'
import * as core from '@actions/core'
import { arch, platform } from 'node:os'
import { pluginCacheKey, type PluginCacheKey } from '../cache/plugin-cache-key.js'
import { lockDigest } from '../cache/io/lock-digest.js'
import type { ResolvedBinary } from '../terraform/io/check-binary.js'
import { StateName } from './state-names.js'

/** What a restore needs: the folder, the binary that fills it, where the lock files are. */
export interface PluginCacheRestore {
  dir: string
  binary: Pick<ResolvedBinary, 'name' | 'version'>
  /** The lock files below this folder are part of the key (the working directory). */
  lockRoot: string
  log: (line: string) => void
}

/** The key for this runner, binary and set of lock files. */
export async function pluginCacheKeyFor(options: Omit<PluginCacheRestore, 'log' | 'dir'>): Promise<PluginCacheKey> {
  return pluginCacheKey({ os: platform(), arch: arch(), binary: options.binary.name, version: options.binary.version, lockDigest: await lockDigest(options.lockRoot) })
}

/**
 * Restores the provider plugin cache before the first init and hands the post
 * step what it needs to save it (key, matched key, folder) through core.saveState.
 * Without a cache service (not on a runner) it only says so; a failed restore
 * is a warning, the run goes on with a cold cache.
 */
export async function restorePluginCache(options: PluginCacheRestore): Promise<string | undefined> {
  if (!cache.isFeatureAvailable()) {
    options.log('plugin cache: no cache service on this runner; not restored')
    return undefined
  }
  const { key, restoreKeys } = await pluginCacheKeyFor(options)
  core.saveState(StateName.PluginCacheKey, key)
  core.saveState(StateName.PluginCacheDir, options.dir)
  let matched: string | undefined
  try {
    matched = await cache.restoreCache([options.dir], key, restoreKeys)
  } catch (error) {
    core.warning(`plugin cache: restore failed, continuing with a cold cache: ${error instanceof Error ? error.message : String(error)}`)
  }
  core.saveState(StateName.PluginCacheMatchedKey, matched ?? '')
  if (matched === undefined) options.log(`plugin cache: no cache for ${key}; the post step saves it`)
  else options.log(`plugin cache restored from ${matched}${matched === key ? '' : ` (fallback for ${key})`} into ${options.dir}`)
  return matched
}
