import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { ObjectChangedError, ObjectExistsError, type ObjectStore } from '../../src/state/object-store.js'
import { localObjectStore } from '../../src/state/io/local-object-store.js'
import { s3ObjectStore } from '../../src/state/io/s3-object-store.js'
import { startMinio, type Minio } from '../helpers/minio.js'
import { tempDir } from '../helpers/temp-dir.js'

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
const text = (bytes: Uint8Array | undefined): string | undefined => (bytes ? Buffer.from(bytes).toString('utf8') : undefined)

let minio: Minio
const local = tempDir()
let bucketCount = 0

beforeAll(async () => {
  minio = await startMinio()
})
afterAll(async () => {
  await minio?.stop()
  local.cleanup()
})

// Every case gets an empty store; the S3 one has a key prefix and a 7-key list page so listing crosses pages.
const implementations: [string, () => Promise<ObjectStore>][] = [
  [
    's3',
    async () => {
      const bucket = `contract-${++bucketCount}`
      await minio.createBucket(bucket)
      return s3ObjectStore(minio.client, { bucket, prefix: 'team/state/', encryption: { kind: 'AES256' }, pageSize: 7 })
    }
  ],
  ['local', async () => localObjectStore(join(local.dir, `store-${++bucketCount}`))]
]

describe.each(implementations)('the %s object store', (_name, makeStore) => {
  let store: ObjectStore
  beforeEach(async () => {
    store = await makeStore()
  })

  it('puts, gets and heads an object with its size and SHA-256', async () => {
    const before = Date.now()
    const put = await store.put('s3/acct/us-east-1/proj/terraform.tfstate', '{"version":4}', { contentType: 'application/json' })
    expect(put).toMatchObject({ key: 's3/acct/us-east-1/proj/terraform.tfstate', size: 13, sha256: sha256('{"version":4}') })
    expect(text(await store.get('s3/acct/us-east-1/proj/terraform.tfstate'))).toBe('{"version":4}')
    const head = await store.head('s3/acct/us-east-1/proj/terraform.tfstate')
    expect(head).toMatchObject({ key: 's3/acct/us-east-1/proj/terraform.tfstate', size: 13, sha256: sha256('{"version":4}') })
    expect(head?.lastModified.getTime()).toBeGreaterThanOrEqual(before - 2000)
  })

  it('answers undefined for a missing key and deletes what is there', async () => {
    expect(await store.get('nothing/here')).toBeUndefined()
    expect(await store.head('nothing/here')).toBeUndefined()
    await store.delete('nothing/here')
    await store.put('a/b', 'x')
    await store.delete('a/b')
    expect(await store.head('a/b')).toBeUndefined()
    expect(await store.list('a/')).toEqual([])
  })

  it('replaces on a plain put, refuses a create-only put of an existing key', async () => {
    await store.put('runs/lock', 'first')
    await store.put('runs/lock', 'second')
    expect(text(await store.get('runs/lock'))).toBe('second')
    await expect(store.put('runs/lock', 'third', { ifNoneMatch: true })).rejects.toThrow(ObjectExistsError)
    await expect(store.put('runs/lock', 'third', { ifNoneMatch: true })).rejects.toMatchObject({ key: 'runs/lock' })
    expect(text(await store.get('runs/lock'))).toBe('second')
    expect(await store.put('runs/other', 'new', { ifNoneMatch: true })).toMatchObject({ size: 3 })
  })

  it('lets exactly one of several simultaneous create-only puts win', async () => {
    const results = await Promise.allSettled(['a', 'b', 'c', 'd', 'e', 'f'].map((who) => store.put('runs/race', who, { ifNoneMatch: true })))
    const won = results.filter((r) => r.status === 'fulfilled')
    expect(won).toHaveLength(1)
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual(
      Array(5).fill(expect.any(ObjectExistsError))
    )
    const winner = (won[0] as PromiseFulfilledResult<{ sha256?: string }>).value
    expect(sha256(text(await store.get('runs/race')) ?? '')).toBe(winner.sha256)
  })

  it('replaces an object only while it still has the tag read, never leaving the key absent', async () => {
    await store.put('locks/app.json', 'stale')
    const tag = (await store.head('locks/app.json'))?.etag as string
    expect(tag).toEqual(expect.any(String))
    // Of several conditional writers naming the same tag, exactly one wins; create-only puts meanwhile all fail.
    const writers = ['a', 'b', 'c', 'd'].map((who) => store.put('locks/app.json', who, { ifMatch: tag }))
    const creators = ['x', 'y'].map((who) => store.put('locks/app.json', who, { ifNoneMatch: true }))
    const results = await Promise.allSettled(writers)
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual(Array(3).fill(expect.any(ObjectChangedError)))
    expect((await Promise.allSettled(creators)).map((r) => r.status)).toEqual(['rejected', 'rejected'])
    const winner = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ etag?: string }>).value
    expect((await store.head('locks/app.json'))?.etag).toBe(winner.etag)
    // A tag of an older version, or of an object that is gone, is refused.
    await expect(store.put('locks/app.json', 'late', { ifMatch: tag })).rejects.toThrow(ObjectChangedError)
    await store.delete('locks/app.json')
    await expect(store.put('locks/app.json', 'late', { ifMatch: winner.etag as string })).rejects.toMatchObject({ key: 'locks/app.json' })
    expect(await store.head('locks/app.json')).toBeUndefined()
  })

  it('copies an object, and says so when the source is missing', async () => {
    await store.put('state/x.tfstate', 'state body')
    const copy = await store.copy('state/x.tfstate', 'backups/state/x.tfstate.1')
    expect(copy).toMatchObject({ key: 'backups/state/x.tfstate.1', size: 10, sha256: sha256('state body') })
    expect(text(await store.get('backups/state/x.tfstate.1'))).toBe('state body')
    await expect(store.copy('state/missing', 'backups/missing')).rejects.toThrow(/state\/missing: it does not exist/)
  })

  it('lists every object below a prefix across pages, and only those', async () => {
    const keys = Array.from({ length: 23 }, (_, i) => `many/item-${String(i).padStart(2, '0')}`)
    await Promise.all([...keys, 'many/deeper/one', 'many-not/x', 'other/y'].map((key) => store.put(key, key)))
    const listed = await store.list('many/')
    expect(listed.map((o) => o.key).sort()).toEqual([...keys, 'many/deeper/one'].sort())
    const deeper = listed.find((o) => o.key === 'many/deeper/one')
    expect(deeper?.size).toBe(15)
    expect(Date.now() - (deeper?.lastModified.getTime() ?? 0)).toBeLessThan(60_000)
    expect((await store.list('many/item-1')).map((o) => o.key).sort()).toEqual(keys.slice(10, 20))
    expect(await store.list('none/')).toEqual([])
  })

  it('rejects keys that could escape or are ambiguous', async () => {
    for (const key of ['../outside', '/absolute', 'a//b', 'a/./b', '']) {
      await expect(store.put(key, 'x')).rejects.toThrow(/object key/)
    }
  })
})
