import { createHash } from 'node:crypto'
import type { ObjectStore } from '../object-store.js'

/** The folder (key prefix) of the records of which state key each deployment file last applied to. */
export const KEY_RECORD_PREFIX = 'deployment-keys/'

/** Which state key a deployment (by its source file) last applied to. */
export interface KeyRecord {
  source: string
  stateKey: string
  id: string
  recordedAt: string
}

/** `deployment-keys/{sha256 of the source path}.json`: fixed length whatever the path. */
export function keyRecordKey(source: string): string {
  return `${KEY_RECORD_PREFIX}${createHash('sha256').update(source).digest('hex')}.json`
}

/** The record of a deployment source, or undefined when it never applied (or the record is unreadable). */
export async function readKeyRecord(objects: ObjectStore, source: string): Promise<KeyRecord | undefined> {
  const bytes = await objects.get(keyRecordKey(source))
  if (!bytes) return undefined
  try {
    const record = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<KeyRecord>
    return record.source === source && typeof record.stateKey === 'string' ? (record as KeyRecord) : undefined
  } catch {
    return undefined
  }
}

/** Records that `source` (deployment `id`) now keeps its state at `stateKey`. */
export async function writeKeyRecord(objects: ObjectStore, record: Omit<KeyRecord, 'recordedAt'>, now: Date = new Date()): Promise<void> {
  const body: KeyRecord = { source: record.source, stateKey: record.stateKey, id: record.id, recordedAt: now.toISOString() }
  await objects.put(keyRecordKey(record.source), `${JSON.stringify(body, null, 2)}\n`, { contentType: 'application/json' })
}
