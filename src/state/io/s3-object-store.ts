// long file: one ObjectStore over S3; its seven operations share the client, the key prefix and the encryption.
import type { S3Client } from '@aws-sdk/client-s3'
import { objectKeyProblem, ObjectChangedError, ObjectExistsError, type Encryption, type ObjectInfo, type ObjectStore } from '../object-store.js'
import { s3Sdk, type S3ClientSource } from './s3-client.js'

/** Where an S3 object store keeps its objects and how it encrypts them. */
export interface S3ObjectStoreOptions {
  bucket: string
  /** Put verbatim in front of every key (the state's key_prefix). */
  prefix?: string
  /** Every write (put and copy) asks for this server-side encryption. */
  encryption: Encryption
  /** Keys per ListObjectsV2 page (S3 caps it at 1000); tests use a small one to cross pages. */
  pageSize?: number
}

type Sse = { ServerSideEncryption: 'AES256' } | { ServerSideEncryption: 'aws:kms'; SSEKMSKeyId?: string }

/** The ServerSideEncryption request fields of an encryption. */
export function sseFields(encryption: Encryption): Sse {
  if (encryption.kind === 'AES256') return { ServerSideEncryption: 'AES256' }
  return { ServerSideEncryption: 'aws:kms', ...(encryption.keyId ? { SSEKMSKeyId: encryption.keyId } : {}) }
}

interface AwsError {
  name?: string
  $metadata?: { httpStatusCode?: number }
}
const statusOf = (error: unknown): number | undefined => (error as AwsError).$metadata?.httpStatusCode
const nameOf = (error: unknown): string | undefined => (error as AwsError).name

// S3 answers a lost If-None-Match race with 412, or 409 while a concurrent write is in flight.
const isExists = (error: unknown): boolean =>
  ['PreconditionFailed', 'ConditionalRequestConflict'].includes(nameOf(error) ?? '') || [409, 412].includes(statusOf(error) ?? 0)
const isMissing = (error: unknown): boolean => ['NotFound', 'NoSuchKey'].includes(nameOf(error) ?? '') || statusOf(error) === 404

/** Hex form of S3's base64 SHA-256; a multipart (composite, `...-N`) checksum is not the content's hash. */
function hexSha256(base64: string | undefined): string | undefined {
  if (!base64 || base64.includes('-')) return undefined
  return Buffer.from(base64, 'base64').toString('hex')
}

/** The ObjectInfo fields S3 reports in a HeadObject or PutObject answer. */
function reported(out: { ChecksumSHA256?: string; ServerSideEncryption?: string; SSEKMSKeyId?: string }): Partial<ObjectInfo> {
  const sha256 = hexSha256(out.ChecksumSHA256)
  return {
    ...(sha256 ? { sha256 } : {}),
    ...(out.ServerSideEncryption ? { encryption: out.ServerSideEncryption } : {}),
    ...(out.SSEKMSKeyId ? { kmsKeyId: out.SSEKMSKeyId } : {})
  }
}

/** An ObjectStore over one bucket (and key prefix) with SSE and SHA-256 checksums on every write. */
export function s3ObjectStore(source: S3ClientSource, options: S3ObjectStoreOptions): ObjectStore {
  const { bucket, encryption } = options
  // The SDK and the client are loaded by the first request (see s3-client.ts).
  const client = typeof source === 'function' ? source : () => Promise.resolve(source)
  const s3 = async (): Promise<{ c: S3Client; sdk: Awaited<ReturnType<typeof s3Sdk>> }> => ({ c: await client(), sdk: await s3Sdk() })
  const prefix = options.prefix ?? ''
  const fullKey = (key: string): string => {
    const problem = objectKeyProblem(key)
    if (problem) throw new Error(problem)
    return prefix + key
  }
  const where = (key: string): string => `s3://${bucket}/${prefix}${key}`

  const head = async (key: string): Promise<ObjectInfo | undefined> => {
    const { c, sdk } = await s3()
    try {
      const out = await c.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: fullKey(key), ChecksumMode: 'ENABLED' }))
      return { key, size: out.ContentLength ?? 0, lastModified: out.LastModified ?? new Date(0), ...reported(out), ...(out.ETag ? { etag: out.ETag } : {}) }
    } catch (error) {
      if (isMissing(error)) return undefined
      throw error
    }
  }

  return {
    location: `s3://${bucket}/${prefix}`,
    head,
    async get(key) {
      const { c, sdk } = await s3()
      try {
        const out = await c.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: fullKey(key) }))
        return out.Body ? await out.Body.transformToByteArray() : new Uint8Array()
      } catch (error) {
        if (isMissing(error)) return undefined
        throw error
      }
    },
    async put(key, body, putOptions = {}) {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
      const { c, sdk } = await s3()
      try {
        const out = await c.send(
          new sdk.PutObjectCommand({
            Bucket: bucket,
            Key: fullKey(key),
            Body: bytes,
            ChecksumAlgorithm: 'SHA256',
            ...(putOptions.contentType ? { ContentType: putOptions.contentType } : {}),
            ...(putOptions.ifNoneMatch ? { IfNoneMatch: '*' } : {}),
            ...(putOptions.ifMatch ? { IfMatch: putOptions.ifMatch } : {}),
            ...sseFields(encryption)
          })
        )
        // PutObject does not answer LastModified: the local clock stands in.
        return { key, size: bytes.byteLength, lastModified: new Date(), ...reported(out), ...(out.ETag ? { etag: out.ETag } : {}) }
      } catch (error) {
        if (putOptions.ifNoneMatch && isExists(error)) throw new ObjectExistsError(key)
        if (putOptions.ifMatch && (isExists(error) || isMissing(error))) throw new ObjectChangedError(key)
        throw error
      }
    },
    async copy(fromKey, toKey) {
      // CopySource is "bucket/key", URL-encoded per segment.
      const source = `${bucket}/${fullKey(fromKey).split('/').map(encodeURIComponent).join('/')}`
      const { c, sdk } = await s3()
      try {
        await c.send(
          new sdk.CopyObjectCommand({ Bucket: bucket, Key: fullKey(toKey), CopySource: source, ChecksumAlgorithm: 'SHA256', ...sseFields(encryption) })
        )
      } catch (error) {
        if (isMissing(error)) throw new Error(`cannot copy ${where(fromKey)}: it does not exist`)
        throw error
      }
      const copied = await head(toKey)
      if (!copied) throw new Error(`copied ${where(fromKey)} to ${where(toKey)} but the copy is not there`)
      return copied
    },
    async delete(key) {
      const { c, sdk } = await s3()
      await c.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: fullKey(key) }))
    },
    async list(listPrefix) {
      const { c, sdk } = await s3()
      const found: ObjectInfo[] = []
      let token: string | undefined
      do {
        const page = await c.send(
          new sdk.ListObjectsV2Command({
            Bucket: bucket,
            Prefix: prefix + listPrefix,
            ...(token ? { ContinuationToken: token } : {}),
            ...(options.pageSize ? { MaxKeys: options.pageSize } : {})
          })
        )
        for (const item of page.Contents ?? []) {
          if (!item.Key?.startsWith(prefix)) continue
          found.push({ key: item.Key.slice(prefix.length), size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) })
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
      return found
    },
    async listLevel(levelPrefix) {
      const { c, sdk } = await s3()
      const objects: ObjectInfo[] = []
      const folders: string[] = []
      let token: string | undefined
      do {
        const page = await c.send(
          new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix + levelPrefix, Delimiter: '/', ...(token ? { ContinuationToken: token } : {}) })
        )
        for (const item of page.Contents ?? []) if (item.Key?.startsWith(prefix)) objects.push({ key: item.Key.slice(prefix.length), size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) })
        for (const p of page.CommonPrefixes ?? []) if (p.Prefix?.startsWith(prefix)) folders.push(p.Prefix.slice(prefix.length))
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
      return { objects, folders }
    }
  }
}
