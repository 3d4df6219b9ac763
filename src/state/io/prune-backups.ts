import type { ObjectStore } from '../object-store.js'
import { BACKUP_PREFIX } from './backup-state.js'

const BACKUP_KEY = /^backups\/(.+)\.(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.backup$/

/** The state key and time of a backup key, or undefined for any other key. */
export function parseBackupKey(key: string): { stateKey: string; at: Date } | undefined {
  const m = BACKUP_KEY.exec(key)
  if (!m) return undefined
  const [, stateKey = '', y, mo, d, h, mi, s] = m
  return { stateKey, at: new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`) }
}

/**
 * Which backups are older than `cutoff`, keeping the newest backup of every
 * state key whatever its age (it may be the only way back). Keys that are not
 * backups are never chosen.
 */
export function backupsToPrune(keys: string[], cutoff: Date): string[] {
  const byState = new Map<string, { key: string; at: Date }[]>()
  for (const key of keys) {
    const parsed = parseBackupKey(key)
    if (!parsed) continue
    byState.set(parsed.stateKey, [...(byState.get(parsed.stateKey) ?? []), { key, at: parsed.at }])
  }
  const prune: string[] = []
  for (const backups of byState.values()) {
    backups.sort((a, b) => b.at.getTime() - a.at.getTime())
    prune.push(...backups.slice(1).filter((b) => b.at < cutoff).map((b) => b.key))
  }
  return prune.sort()
}

export interface PruneOptions {
  /** Backups older than this many days go. */
  retentionDays: number
  /** Delete for real; without it only the list is returned (dry run). */
  apply?: boolean
  /** Only this state's backups. */
  stateKey?: string
  now?: Date
}

/** Deletes (or, by default, only lists) the backups older than the retention, never a state's newest. */
export async function pruneBackups(store: ObjectStore, options: PruneOptions): Promise<{ dryRun: boolean; keys: string[] }> {
  if (!(options.retentionDays >= 0)) throw new Error(`retention must be zero or more days, not ${options.retentionDays}`)
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 86_400_000)
  const listed = await store.list(options.stateKey ? `${BACKUP_PREFIX}${options.stateKey}.` : BACKUP_PREFIX)
  const keys = backupsToPrune(
    listed.map((o) => o.key),
    cutoff
  ).filter((key) => !options.stateKey || parseBackupKey(key)?.stateKey === options.stateKey)
  if (options.apply) for (const key of keys) await store.delete(key)
  return { dryRun: !options.apply, keys }
}
