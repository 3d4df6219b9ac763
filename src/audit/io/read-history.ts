import type { ObjectInfo, ObjectStore } from '../../state/object-store.js'
import { indexDayPrefix, parseIndexKey } from '../audit-keys.js'
import { entriesOf, indexDays, type IndexEntry } from '../history-index.js'
import { mapLimit } from '../map-limit.js'

export interface HistoryRead {
  entries: IndexEntry[]
  /** Index objects read (one per finished run, plus single entries of unfinished runs). */
  objectsRead: number
  /** Objects or entries that were not valid index data (skipped, reported through warn). */
  invalid: number
}

/**
 * Reads the index entries that can fall in (now - sinceMs, now] (layout:
 * history-index.ts): lists only those days' folders, then per run reads its
 * rollup, or its single entries when the run never wrote one.
 */
export async function readHistory(
  store: ObjectStore,
  now: Date,
  sinceMs: number,
  options: { listConcurrency?: number; readConcurrency?: number; warn?: (message: string) => void } = {}
): Promise<HistoryRead> {
  const warn = options.warn ?? (() => undefined)
  const listings = await mapLimit(indexDays(now, sinceMs), options.listConcurrency ?? 8, (day) => listDay(store, indexDayPrefix(day)))
  const runs = new Map<string, { rollup?: string; single: string[] }>()
  for (const info of listings.flat()) {
    const parsed = parseIndexKey(info.key)
    if (!parsed) continue
    const run = runs.get(parsed.runId) ?? { single: [] }
    if (parsed.deploymentId === undefined) run.rollup = info.key
    else run.single.push(info.key)
    runs.set(parsed.runId, run)
  }
  const keys = [...runs.values()].flatMap((r) => (r.rollup ? [r.rollup] : r.single))
  let invalid = 0
  const read = await mapLimit(keys, options.readConcurrency ?? 16, async (key) => {
    const body = await store.get(key)
    if (!body) return []
    try {
      const found = entriesOf(JSON.parse(new TextDecoder().decode(body)))
      if (found.invalid > 0) warn(`${key}: ${found.invalid} invalid index entries skipped`)
      invalid += found.invalid
      return found.entries
    } catch (error) {
      warn(`${key}: not valid JSON, skipped (${error instanceof Error ? error.message : String(error)})`)
      invalid++
      return []
    }
  })
  // One entry per deployment per run, whichever object it came from.
  const unique = new Map<string, IndexEntry>()
  for (const e of read.flat()) unique.set(`${e.runId}\u0000${e.deploymentId}`, e)
  return { entries: [...unique.values()], objectsRead: keys.length, invalid }
}

/**
 * The index objects of one day: with a one-level listing, the runs' rollups
 * plus the single entries of runs that have none (a run that crashed); else
 * everything below the day.
 */
async function listDay(store: ObjectStore, dayPrefix: string): Promise<ObjectInfo[]> {
  if (!store.listLevel) return store.list(dayPrefix)
  const prefix = dayPrefix.endsWith('/') ? dayPrefix : `${dayPrefix}/`
  const level = await store.listLevel(prefix)
  const rolledUp = new Set(level.objects.map((o) => o.key.replace(/\.json$/, '/')))
  const unfinished = level.folders.filter((f) => !rolledUp.has(f))
  return [...level.objects, ...(await Promise.all(unfinished.map((f) => store.list(f)))).flat()]
}
