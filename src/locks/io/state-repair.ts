import { createHash } from 'node:crypto'
import type { ObjectStore } from '../../state/object-store.js'
import type { StateStore } from '../../state/state-store.js'
import { addressesInState, createdInLog, isEmptyState, lockLeftByKill, parseTofuLock, stateProblem, type StateCheck } from '../state-health.js'
import { backendLockWho } from './processes.js'

export interface KillCheckOptions {
  /** The killed command's output (the deployment's log). */
  log: string
  /** When the killed command started: a backend lock older than this is someone else's. */
  since: Date
  /** The backup taken before the apply, tried first (its SHA-256 must match). */
  backup?: { key?: string; sha256?: string }
  /** OpenTofu's LockInfo.Who of this process's children (default user@host). */
  who?: string
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** The newest backup of `stateKey` that is a readable state (the recorded one first, if it matches its checksum). */
async function usableBackup(objects: ObjectStore, stateKey: string, recorded: KillCheckOptions['backup']): Promise<{ key: string; bytes: Uint8Array } | undefined> {
  const listed = (await objects.list(`backups/${stateKey}.`)).map((o) => o.key).filter((k) => k.endsWith('.backup'))
  // Backup keys end in a UTC timestamp, so the newest sorts last.
  const keys = [...new Set([...(recorded?.key ? [recorded.key] : []), ...listed.sort().reverse()])]
  for (const key of keys) {
    const bytes = await objects.get(key)
    if (!bytes || stateProblem(bytes)) continue
    if (key === recorded?.key && recorded.sha256 && sha256(bytes) !== recorded.sha256) continue
    return { key, bytes }
  }
  return undefined
}

/**
 * After a command was killed during apply: is the state still readable? If it
 * is empty or corrupt, put the newest verified backup back and name what the log
 * says was created since (those resources are in no state now). Either way,
 * remove a backend lock the killed process left behind. Never throws.
 */
export async function checkStateAfterKill(store: StateStore, stateKey: string, o: KillCheckOptions): Promise<StateCheck> {
  const objects = store.objects
  if (!objects) return { status: 'ok', error: 'the state store has no object access: nothing checked' }
  const check: StateCheck = { status: 'ok' }
  try {
    const lockKey = store.lockKey?.(stateKey)
    const lockBytes = lockKey ? await objects.get(lockKey) : undefined
    if (lockKey && lockBytes && lockLeftByKill(parseTofuLock(new TextDecoder().decode(lockBytes)), o.who ?? backendLockWho(), o.since)) {
      await objects.delete(lockKey)
      check.releasedLock = lockKey
    }
    const bytes = await objects.get(stateKey)
    const problem = stateProblem(bytes)
    // A killed OpenTofu loses what it created since it last saved the state, even when the file is intact.
    const lost = (state: Uint8Array | undefined): Pick<StateCheck, 'createdSinceBackup'> => {
      const held = addressesInState(state)
      const missing = createdInLog(o.log).filter((address) => !held.has(address))
      return missing.length > 0 ? { createdSinceBackup: missing } : {}
    }
    if (!problem) return { ...check, ...lost(bytes) }
    check.problem = problem
    const backup = await usableBackup(objects, stateKey, o.backup)
    if (backup) {
      await objects.put(stateKey, backup.bytes)
      return { ...check, status: 'restored', restoredFrom: backup.key, ...lost(backup.bytes) }
    }
    Object.assign(check, lost(undefined))
    // No backup and nothing in the file: there was no state to lose, only what the log names.
    if (bytes === undefined || isEmptyState(bytes)) return { ...check, status: 'missing' }
    return { ...check, status: 'unrecoverable', error: `no readable backup of ${stateKey}` }
  } catch (error) {
    return { ...check, status: check.status, error: (error as Error).message }
  }
}
