import type { StateStore } from '../state-store.js'
import { backupMismatch, fingerprint } from './backup-state.js'
import { withStateLock } from './state-lock.js'

/** What moving a state from one key to another does: copy it, nothing (already there, or no old state), or refuse. */
export type MoveCheck =
  | { outcome: 'copy'; size: number; sha256: string }
  | { outcome: 'already-there' | 'no-old-state' }
  | { outcome: 'conflict'; reason: string }

const objectsOf = (store: StateStore) => {
  if (!store.objects) throw new Error('this state store has no object access')
  return store.objects
}

/** Reads both keys and says what a move would do; writes nothing. */
export async function checkMove(store: StateStore, from: string, to: string): Promise<MoveCheck> {
  const objects = objectsOf(store)
  const source = await fingerprint(objects, await objects.head(from))
  const target = await fingerprint(objects, await objects.head(to))
  if (!source) return target ? { outcome: 'already-there' } : { outcome: 'no-old-state' }
  if (!target) return { outcome: 'copy', ...source }
  if (target.sha256 === source.sha256) return { outcome: 'already-there' }
  return { outcome: 'conflict', reason: `${store.describe(to)} already exists with different content (sha256 ${target.sha256}, the old state's is ${source.sha256})` }
}

/**
 * Copies the state at `from` to `to` under both keys' locks and verifies the
 * copy's size and SHA-256. Never deletes the old object; moving again is a
 * no-op; a target with other content is refused (throws).
 */
export async function moveState(store: StateStore, from: string, to: string, operation: string): Promise<'moved' | 'already-there' | 'no-old-state'> {
  const objects = objectsOf(store)
  return withStateLock(store, from, operation, () =>
    withStateLock(store, to, operation, async () => {
      const check = await checkMove(store, from, to)
      if (check.outcome === 'conflict') throw new Error(`cannot move ${store.describe(from)} to ${to}: ${check.reason}`)
      if (check.outcome !== 'copy') return check.outcome
      await objects.copy(from, to)
      const problem = backupMismatch(check, await fingerprint(objects, await objects.head(to)))
      if (problem) {
        await objects.delete(to) // the target was empty before this copy (checked under its lock)
        throw new Error(`copy of ${store.describe(from)} to ${to} failed verification: ${problem.replace(/the backup/g, 'the copy')}`)
      }
      return 'moved'
    })
  )
}
