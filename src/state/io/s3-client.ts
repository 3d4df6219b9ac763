import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3'

/** The parts of the `state: {type: s3}` configuration that locate the bucket. */
export interface S3Location {
  region: string
  endpoint?: string | undefined
  use_path_style: boolean
}

/** A client, or how to make one on first use. */
export type S3ClientSource = S3Client | (() => Promise<S3Client>)

// Loaded on first use: the SDK is most of the bundle, and a local-state run or
// `list` should not pay for reading it (nor every later fork for the memory).
let sdk: Promise<typeof import('@aws-sdk/client-s3')> | undefined

/** The AWS SDK's S3 module, loaded once. */
export const s3Sdk = (): Promise<typeof import('@aws-sdk/client-s3')> => (sdk ??= import('@aws-sdk/client-s3'))

/**
 * An S3 client for the state bucket, made when first asked for. Credentials
 * come from the SDK's default chain (env, shared files, SSO, web identity,
 * instance metadata) unless a test passes its own.
 */
export function s3ClientFor(location: S3Location, credentials?: S3ClientConfig['credentials']): () => Promise<S3Client> {
  let client: Promise<S3Client> | undefined
  return () =>
    (client ??= s3Sdk().then(
      ({ S3Client }) =>
        new S3Client({
          region: location.region,
          ...(location.endpoint ? { endpoint: location.endpoint } : {}),
          forcePathStyle: location.use_path_style,
          ...(credentials ? { credentials } : {})
        })
    ))
}
