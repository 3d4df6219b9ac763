import { statSync } from 'node:fs'
import { join } from 'node:path'
import { localLockKey, type StateStore } from '../state-store.js'
import type { ObjectStore } from '../object-store.js'
import { localObjectStore } from './local-object-store.js'

/**
 * The local backend: state files under one directory, at the deployment's
 * state key (for example .tf-orchestrator/state/s3/acct/us-east-1/proj/terraform.tfstate).
 * The root modules declare `backend "local" {}`. Its objects (backups, key
 * records) live in the same directory.
 */
export function localStateStore(dir: string): StateStore & { objects: ObjectStore } {
  const pathOf = (key: string): string => join(dir, ...key.split('/'))
  return {
    objects: localObjectStore(dir),
    lockKey: localLockKey,
    backendConfig: (key) => [`path=${pathOf(key)}`],
    // Once per deployment: a direct stat, no trip through the thread pool.
    stateBytes: async (key) => {
      try {
        return statSync(pathOf(key)).size
      } catch {
        return undefined
      }
    },
    describe: (key) => pathOf(key)
  }
}
