import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3'

/** The parts of the `state: {type: s3}` configuration that locate the bucket. */
export interface S3Location {
  region: string
  endpoint?: string | undefined
  use_path_style: boolean
}

/**
 * An S3 client for the state bucket. Credentials come from the SDK's default
 * chain (env, shared files, SSO, web identity, instance metadata) unless a
 * test passes its own.
 */
export function s3ClientFor(location: S3Location, credentials?: S3ClientConfig['credentials']): S3Client {
  return new S3Client({
    region: location.region,
    ...(location.endpoint ? { endpoint: location.endpoint } : {}),
    forcePathStyle: location.use_path_style,
    ...(credentials ? { credentials } : {})
  })
}
