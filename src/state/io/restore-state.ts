import type { StateStore } from '../state-store.js'
import { stateChange, summarizeState, type StateChange } from '../state-diff.js'
import { backupState, type BackupResult } from './backup-state.js'
import { parseBackupKey } from './prune-backups.js'
import { withStateLock } from './state-lock.js'

/** The current state holds resources the backup lacks: restoring would orphan them. */
export class OrphansError extends Error {
  override name = 'OrphansError'
  constructor(
    message: string,
    readonly orphans: string[]
  ) {
    super(message)
  }
}

/** What a restore did (or, dry run, would do): what changes, and where the state it replaced was backed up. */
export interface RestoreResult {
  change: StateChange
  /** Absent in a dry run. */
  previous?: BackupResult
}

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8')

/**
 * Puts a backup back as the current state of `stateKey`, under the state's
 * lock (refused while another process holds it). Refused, touching nothing,
 * when the current state holds resources the backup lacks (they are listed).
 * The state it replaces is backed up first. `apply: false` only reports what
 * would change (no lock, nothing written).
 */
export async function restoreState(store: StateStore, stateKey: string, backupKey: string, apply = true): Promise<RestoreResult> {
  const objects = store.objects
  if (!objects) throw new Error('this state store has no object access')
  if (parseBackupKey(backupKey)?.stateKey !== stateKey) throw new Error(`${backupKey} is not a backup of ${stateKey}`)
  const restore = async (): Promise<RestoreResult> => {
    const backup = await objects.get(backupKey)
    if (!backup) throw new Error(`backup ${backupKey} does not exist`)
    const restored = summarizeState(text(backup), backupKey)
    const current = await objects.get(stateKey)
    const change = stateChange(current && summarizeState(text(current), store.describe(stateKey)), restored)
    if (change.orphans.length > 0) {
      throw new OrphansError(
        `refusing to restore ${backupKey}: the current state holds ${change.orphans.length} resource(s) the backup lacks, ` +
          `which would be left unmanaged: ${change.orphans.join(', ')}`,
        change.orphans
      )
    }
    if (!apply) return { change }
    const previous = await backupState(objects, stateKey)
    await objects.put(stateKey, backup, { contentType: 'application/json' })
    return { change, previous }
  }
  return apply ? withStateLock(store, stateKey, 'state restore', restore) : restore()
}
