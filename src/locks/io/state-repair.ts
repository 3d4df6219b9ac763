import { createHash } from 'node:crypto'
import type { ObjectStore } from '../../state/object-store.js'
import type { StateStore } from '../../state/state-store.js'
import { createdInLog, lockLeftByKill, parseTofuLock, stateProblem, type StateCheck } from '../state-health.js'
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
    const created = createdInLog(o.log)
    if (!problem) return check
    if (bytes === undefined && !o.backup?.key) {
      // Never written: nothing to restore, but anything created is in no state.
      return { ...check, status: 'missing', ...(created.length ? { createdSinceBackup: created } : {}) }
    }
    check.problem = problem
    check.createdSinceBackup = created
    const backup = await usableBackup(objects, stateKey, o.backup)
    if (!backup) return { ...check, status: 'unrecoverable', error: `no readable backup of ${stateKey}` }
    await objects.put(stateKey, backup.bytes)
    return { ...check, status: 'restored', restoredFrom: backup.key }
  } catch (error) {
    return { ...check, status: check.status, error: (error as Error).message }
  }
}
