import type { Encryption, ObjectStore } from '../object-store.js'
import { s3LockKey, type StateStore } from '../state-store.js'
import { s3ClientFor, type S3ClientSource } from './s3-client.js'
import { s3ObjectStore } from './s3-object-store.js'

/** The `state: {type: s3}` configuration (kms_key_id is optional until the schema has it). */
export interface S3StateSettings {
  bucket: string
  region: string
  key_prefix: string
  endpoint?: string | undefined
  use_path_style: boolean
  use_lockfile: boolean
  encrypt: boolean
  kms_key_id?: string | undefined
}

/** How the orchestrator's own objects are encrypted: with the state's KMS key, else SSE-S3 (always, whatever `encrypt` says). */
export function encryptionFor(settings: S3StateSettings): Encryption {
  return settings.kms_key_id ? { kind: 'aws:kms', keyId: settings.kms_key_id } : { kind: 'AES256' }
}

/** An HCL string literal (a -backend-config value of object type is parsed as HCL). */
const hclString = (text: string): string =>
  JSON.stringify(text)
    .replaceAll('${', () => '$${') // a function: in a replacement string "$$" means one "$"
    .replaceAll('%{', () => '%%{')

/**
 * The `-backend-config` key=value list for OpenTofu's s3 backend. A custom
 * endpoint (MinIO, another S3-compatible store) goes in `endpoints = { s3 = ... }`
 * and turns off the calls such a store cannot answer: STS/IAM for the account id
 * and credential check, and the AWS region list.
 */
export function s3BackendConfig(settings: S3StateSettings, stateKey: string): string[] {
  const config = [
    `bucket=${settings.bucket}`,
    `key=${settings.key_prefix}${stateKey}`,
    `region=${settings.region}`,
    `encrypt=${settings.encrypt}`,
    `use_lockfile=${settings.use_lockfile}`,
    `use_path_style=${settings.use_path_style}`
  ]
  if (settings.kms_key_id) config.push(`kms_key_id=${settings.kms_key_id}`)
  if (settings.endpoint) {
    config.push(
      `endpoints={ s3 = ${hclString(settings.endpoint)} }`,
      'skip_credentials_validation=true',
      'skip_region_validation=true',
      'skip_requesting_account_id=true'
    )
  }
  return config
}

/** The state of `type: s3` with the objects store (key_prefix as its prefix) it is read through. */
export function s3StateStore(settings: S3StateSettings, client: S3ClientSource = s3ClientFor(settings)): StateStore & { objects: ObjectStore } {
  const objects = s3ObjectStore(client, { bucket: settings.bucket, prefix: settings.key_prefix, encryption: encryptionFor(settings) })
  return {
    objects,
    lockKey: s3LockKey,
    backendConfig: (stateKey) => s3BackendConfig(settings, stateKey),
    stateBytes: async (stateKey) => (await objects.head(stateKey))?.size,
    describe: (stateKey) => `s3://${settings.bucket}/${settings.key_prefix}${stateKey}`
  }
}
