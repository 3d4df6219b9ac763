import { createHash } from 'node:crypto'
import { ObjectExistsError, type ObjectInfo, type ObjectStore, type PutOptions } from '../../src/state/object-store.js'

/** An in-memory ObjectStore for tests: create-only puts refused like S3's If-None-Match, and counted calls. */
export class MemoryObjectStore implements ObjectStore {
  readonly location = 'memory://audit-test'
  readonly objects = new Map<string, { body: Uint8Array; info: ObjectInfo }>()
  readonly calls = { get: 0, list: 0, put: 0 }
  /** Keys whose put fails (a broken network for that key). */
  failPut = (_key: string): boolean => false

  async get(key: string): Promise<Uint8Array | undefined> {
    this.calls.get++
    return this.objects.get(key)?.body
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    return this.objects.get(key)?.info
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<ObjectInfo> {
    this.calls.put++
    if (this.failPut(key)) throw new Error(`connection reset while writing ${key}`)
    if (options.ifNoneMatch && this.objects.has(key)) throw new ObjectExistsError(key)
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
    const info: ObjectInfo = { key, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), lastModified: new Date(), encryption: 'AES256' }
    this.objects.set(key, { body: bytes, info })
    return info
  }

  async copy(fromKey: string, toKey: string): Promise<ObjectInfo> {
    const from = this.objects.get(fromKey)
    if (!from) throw new Error(`${fromKey} does not exist`)
    return this.put(toKey, from.body)
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key)
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    this.calls.list++
    return [...this.objects.values()].filter((o) => o.info.key.startsWith(prefix)).map((o) => o.info).sort((a, b) => a.key.localeCompare(b.key))
  }

  /** A stored object parsed as JSON. */
  json(key: string): unknown {
    const o = this.objects.get(key)
    if (!o) throw new Error(`${key} is not stored; stored: ${[...this.objects.keys()].join(', ')}`)
    return JSON.parse(new TextDecoder().decode(o.body))
  }
}
