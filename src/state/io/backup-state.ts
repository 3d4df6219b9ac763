import { createHash } from 'node:crypto'
import type { ObjectInfo, ObjectStore } from '../object-store.js'

/** The folder (key prefix) of every backup in a store. */
export const BACKUP_PREFIX = 'backups/'

export type BackupResult = { status: 'backed-up'; key: string; size: number; sha256: string } | { status: 'no-previous-state' }

/** `20260105T093000Z`: UTC, second precision, sorts in time order. */
export function backupTimestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')
}

/** `backups/{state key}.{timestamp}.backup` */
export function backupKey(stateKey: string, at: Date): string {
  return `${BACKUP_PREFIX}${stateKey}.${backupTimestamp(at)}.backup`
}

/** Why a backup does not match its source (size or SHA-256), or undefined when it does. */
export function backupMismatch(source: { size: number; sha256: string }, copy: { size: number; sha256: string } | undefined): string | undefined {
  if (!copy) return 'the backup is not there'
  if (copy.size !== source.size) return `the backup has ${copy.size} bytes, the state ${source.size}`
  if (copy.sha256 !== source.sha256) return `the backup's sha256 ${copy.sha256} differs from the state's ${source.sha256}`
  return undefined
}

/** An object's size and SHA-256: the store's checksum when it reports one, else hashed from the content. */
export async function fingerprint(store: ObjectStore, info: ObjectInfo | undefined): Promise<{ size: number; sha256: string } | undefined> {
  if (!info) return undefined
  if (info.sha256) return { size: info.size, sha256: info.sha256 }
  const bytes = await store.get(info.key)
  return bytes && { size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') }
}

/**
 * Copies the current state to its timestamped backup key (server-side, encrypted
 * like every write) and checks that the copy has the state's size and SHA-256.
 * Throws, naming both objects, when the copy cannot be made or does not match.
 */
export async function backupState(store: ObjectStore, stateKey: string, now: Date = new Date()): Promise<BackupResult> {
  const source = await fingerprint(store, await store.head(stateKey))
  if (!source) return { status: 'no-previous-state' }
  const key = backupKey(stateKey, now)
  const from = `${store.location}${store.location.endsWith('/') ? '' : '/'}`
  try {
    await store.copy(stateKey, key)
  } catch (error) {
    throw new Error(`cannot back up ${from}${stateKey} to ${key}: ${(error as Error).message}`)
  }
  // Read the copy back rather than trusting what the copy call returned.
  const problem = backupMismatch(source, await fingerprint(store, await store.head(key)))
  if (problem) throw new Error(`backup of ${from}${stateKey} to ${key} failed verification: ${problem}`)
  return { status: 'backed-up', key, size: source.size, sha256: source.sha256 }
}
