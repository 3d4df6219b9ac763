import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { s3ObjectStore } from '../../src/state/io/s3-object-store.js'
import { startMinio, type Minio } from '../helpers/minio.js'

// The S3-only part of the object store: server-side encryption on every write.
// The behaviour both stores share is in object-store-contract.test.ts.

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
const text = (bytes: Uint8Array | undefined): string | undefined => (bytes ? Buffer.from(bytes).toString('utf8') : undefined)

let minio: Minio
beforeAll(async () => {
  minio = await startMinio()
})
afterAll(async () => {
  await minio?.stop()
})

describe('the s3 object store encryption', () => {
  /** Whether any file of MinIO's data folder holds `needle` in plain text. */
  const onDisk = (needle: string): boolean =>
    readdirSync(minio.dataDir, { recursive: true, withFileTypes: true }).some(
      (e) => e.isFile() && readFileSync(join(e.parentPath, e.name)).includes(needle)
    )

  beforeAll(async () => {
    await minio.createBucket('enc')
  })

  it('finds an unencrypted object on disk (so the checks below can fail)', async () => {
    const marker = `plaintext-marker-${Date.now()}-none`
    await minio.client.send(new PutObjectCommand({ Bucket: 'enc', Key: 'plain', Body: marker }))
    expect(onDisk(marker)).toBe(true)
  })

  it('writes and copies SSE-S3 (AES256) objects, reported by HeadObject and unreadable on disk', async () => {
    const store = s3ObjectStore(minio.client, { bucket: 'enc', prefix: 'aes/', encryption: { kind: 'AES256' } })
    const marker = `plaintext-marker-${Date.now()}-aes`
    expect(await store.put('secret', marker)).toMatchObject({ encryption: 'AES256' })
    expect(await store.head('secret')).toMatchObject({ encryption: 'AES256', sha256: sha256(marker) })
    expect(await store.copy('secret', 'secret-copy')).toMatchObject({ encryption: 'AES256', sha256: sha256(marker) })
    expect(text(await store.get('secret-copy'))).toBe(marker)
    expect(onDisk(marker)).toBe(false)
  })

  it('writes and copies SSE-KMS objects under the named key', async () => {
    const store = s3ObjectStore(minio.client, { bucket: 'enc', prefix: 'kms/', encryption: { kind: 'aws:kms', keyId: minio.kmsKeyName } })
    const marker = `plaintext-marker-${Date.now()}-kms`
    await store.put('secret', marker)
    const kms = { encryption: 'aws:kms', kmsKeyId: expect.stringContaining(minio.kmsKeyName), sha256: sha256(marker) }
    expect(await store.head('secret')).toMatchObject(kms)
    expect(await store.copy('secret', 'secret-copy')).toMatchObject(kms)
    expect(text(await store.get('secret-copy'))).toBe(marker)
    expect(onDisk(marker)).toBe(false)
  })

  it('fails a write under a KMS key the server does not have', async () => {
    const store = s3ObjectStore(minio.client, { bucket: 'enc', encryption: { kind: 'aws:kms', keyId: 'no-such-key' } })
    await expect(store.put('never', 'x')).rejects.toThrow()
    expect(await store.head('never')).toBeUndefined()
  })
})

