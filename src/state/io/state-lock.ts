import { randomUUID } from 'node:crypto'
import { hostname, userInfo } from 'node:os'
import { ObjectExistsError } from '../object-store.js'
import type { StateStore } from '../state-store.js'

/** Another process holds a state's lock: the state was not touched. */
export class StateLockedError extends Error {
  override name = 'StateLockedError'
}

const holderOf = (bytes: Uint8Array | undefined): string => {
  try {
    const info = JSON.parse(Buffer.from(bytes ?? []).toString('utf8')) as { Who?: string; Operation?: string; Created?: string; ID?: string }
    return [info.Who, info.Operation, info.Created && `since ${info.Created}`, info.ID && `lock ID ${info.ID}`].filter(Boolean).join(', ')
  } catch {
    return 'unreadable lock'
  }
}

/**
 * Runs `fn` while holding the state's lock object, written create-only in
 * OpenTofu's LockInfo format (for S3 the very object `use_lockfile` uses, so
 * OpenTofu waits for us and we for it). Refuses, touching nothing, while
 * another process holds it.
 */
export async function withStateLock<T>(store: StateStore, stateKey: string, operation: string, fn: () => Promise<T>): Promise<T> {
  const objects = store.objects
  if (!objects || !store.lockKey) throw new Error(`this store cannot lock ${store.describe(stateKey)}`)
  const lockKey = store.lockKey(stateKey)
  const info = {
    ID: randomUUID(),
    Operation: `tf-orchestrator ${operation}`,
    Info: '',
    Who: `${userInfo().username}@${hostname()}`,
    Version: '',
    Created: new Date().toISOString(),
    Path: store.describe(stateKey)
  }
  try {
    await objects.put(lockKey, JSON.stringify(info), { ifNoneMatch: true, contentType: 'application/json' })
  } catch (error) {
    if (!(error instanceof ObjectExistsError)) throw error
    const holder = holderOf(await objects.get(lockKey))
    throw new StateLockedError(`${store.describe(stateKey)} is locked by another process (${holder}); nothing was changed`)
  }
  try {
    return await fn()
  } finally {
    await objects.delete(lockKey)
  }
}
