/** Server-side encryption of an object: AES256 (S3-managed keys) or a KMS key. */
export type Encryption = { kind: 'AES256' } | { kind: 'aws:kms'; keyId?: string }

/** What a store knows about one object. */
export interface ObjectInfo {
  key: string
  size: number
  /** Hex SHA-256 of the content, when the store knows it. */
  sha256?: string
  lastModified: Date
  /** The encryption the store reports for it (S3: HeadObject ServerSideEncryption). */
  encryption?: string
  /** The KMS key the store reports for an `aws:kms` object (S3: SSEKMSKeyId). */
  kmsKeyId?: string
  /** The version tag a conditional replace names (S3: the ETag; a folder: the content's SHA-256). */
  etag?: string
}

export interface PutOptions {
  /** Create-only: fail with ObjectExistsError when the key exists (S3 `If-None-Match: *`). */
  ifNoneMatch?: boolean
  /**
   * Replace-only-if-unchanged: write only when the object still has this `etag`
   * (from head), else fail with ObjectChangedError (S3 `If-Match`). The key never
   * disappears on the way, unlike a delete and a create.
   */
  ifMatch?: string
  contentType?: string
}

/** A conditional replace refused: the object changed (or went) since it was read. */
export class ObjectChangedError extends Error {
  constructor(readonly key: string) {
    super(`${key} changed since it was read (conditional write refused)`)
    this.name = 'ObjectChangedError'
  }
}

/** A put refused because the key already exists (create-only write). */
export class ObjectExistsError extends Error {
  constructor(readonly key: string) {
    super(`${key} already exists (create-only write refused)`)
    this.name = 'ObjectExistsError'
  }
}

/**
 * The orchestrator's own storage beside the state: backups, audit records,
 * stored plans, run locks. S3 (through @aws-sdk/client-s3) or a local folder.
 * Keys are '/'-separated and never start with '/'.
 */
export interface ObjectStore {
  /** For messages: `s3://bucket/prefix` or a folder path. */
  readonly location: string
  get(key: string): Promise<Uint8Array | undefined>
  head(key: string): Promise<ObjectInfo | undefined>
  put(key: string, body: Uint8Array | string, options?: PutOptions): Promise<ObjectInfo>
  /** Server-side copy (S3 CopyObject), encrypted like every write. */
  copy(fromKey: string, toKey: string): Promise<ObjectInfo>
  delete(key: string): Promise<void>
  /** Every object below a prefix, all pages. */
  list(prefix: string): Promise<ObjectInfo[]>
  /**
   * One level below a folder prefix (ending in '/'): its objects and its
   * sub-folders (prefixes ending in '/'), like S3's `Delimiter: '/'`; lets a
   * reader skip what it does not need below.
   */
  listLevel?(prefix: string): Promise<{ objects: ObjectInfo[]; folders: string[] }>
}

/** Why `key` is not a valid object key (empty, absolute, `.`/`..` or empty segments), or undefined. */
export function objectKeyProblem(key: string): string | undefined {
  if (key === '') return 'an object key cannot be empty'
  if (key.startsWith('/')) return `object key ${key} must not start with "/"`
  if (key.includes('\\')) return `object key ${key} must use "/" as separator`
  const bad = key.split('/').find((part) => part === '' || part === '.' || part === '..')
  return bad === undefined ? undefined : `object key ${key} has an empty, "." or ".." segment`
}
