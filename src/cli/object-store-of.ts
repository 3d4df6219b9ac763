import { resolve } from 'node:path'
import { loadConfig } from '../config/io/load-config.js'
import type { ObjectStore } from '../state/object-store.js'
import { storesFor } from '../state/io/state-store-for.js'

/** The object store (audit records, backups, locks) of a working directory's configured state store. */
export async function objectStoreOf(where: { workingDir: string; config?: string }): Promise<ObjectStore> {
  const workingDir = resolve(where.workingDir)
  return storesFor(workingDir, await loadConfig(workingDir, where.config)).objects
}
