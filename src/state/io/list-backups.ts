import type { ObjectStore } from '../object-store.js'
import { summarizeState } from '../state-diff.js'
import { BACKUP_PREFIX } from './backup-state.js'
import { parseBackupKey } from './prune-backups.js'

/** One backup of a state, as `state backups` shows it. */
export interface BackupEntry {
  key: string
  at: Date
  size: number
  /** The state serial inside the backup (undefined when it cannot be read as a state). */
  serial?: number
}

/** The backups of one state key, oldest first, each with the serial it holds. */
export async function listBackups(objects: ObjectStore, stateKey: string): Promise<BackupEntry[]> {
  const found: BackupEntry[] = []
  for (const object of await objects.list(`${BACKUP_PREFIX}${stateKey}.`)) {
    const parsed = parseBackupKey(object.key)
    if (parsed?.stateKey !== stateKey) continue // another state whose key starts with this one
    const bytes = await objects.get(object.key)
    let serial: number | undefined
    try {
      serial = bytes && summarizeState(Buffer.from(bytes).toString('utf8'), object.key).serial
    } catch {
      serial = undefined
    }
    found.push({ key: object.key, at: parsed.at, size: object.size, ...(serial !== undefined ? { serial } : {}) })
  }
  return found.sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key))
}
