import type { S3Client } from '@aws-sdk/client-s3'
import { startMinio } from './minio.js'

/** A MinIO whose STS trusts one OpenID provider (claim-based: the JWT's `policy` claim names the policy). */
export interface MinioSts {
  /** The S3 endpoint, which is also the STS endpoint. */
  endpoint: string
  region: string
  rootAccessKeyId: string
  rootSecretAccessKey: string
  /** A client with the root user's credentials (to set up buckets and read what others wrote). */
  client: S3Client
  createBucket(name: string): Promise<void>
  /** MinIO's own output so far (to check that it logged no credential). */
  output(): string
  stop(): Promise<void>
}

/**
 * Starts MinIO (helpers/minio.ts) with `MINIO_IDENTITY_OPENID_CONFIG_URL`
 * pointing at `configUrl` and `clientId` as the audience it requires. The
 * provider must be serving before this is called (MinIO reads discovery and
 * JWKS at start).
 */
export async function startMinioSts(configUrl: string, clientId: string): Promise<MinioSts> {
  const minio = await startMinio({
    env: { MINIO_IDENTITY_OPENID_CONFIG_URL: configUrl, MINIO_IDENTITY_OPENID_CLIENT_ID: clientId, MINIO_IDENTITY_OPENID_CLAIM_NAME: 'policy' }
  })
  return { ...minio, rootAccessKeyId: minio.accessKeyId, rootSecretAccessKey: minio.secretAccessKey }
}
