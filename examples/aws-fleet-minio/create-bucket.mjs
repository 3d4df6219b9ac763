// Creates the example's bucket on an S3-compatible endpoint (MinIO) with the
// credentials of the environment: node create-bucket.mjs <endpoint> <bucket>
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'

const [endpoint = 'http://127.0.0.1:9000', bucket = 'tf-orchestrator-state'] = process.argv.slice(2)
const client = new S3Client({ endpoint, region: process.env.AWS_REGION ?? 'us-east-1', forcePathStyle: true })
try {
  await client.send(new CreateBucketCommand({ Bucket: bucket }))
  console.log(`created bucket ${bucket} on ${endpoint}`)
} catch (error) {
  if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error
  console.log(`bucket ${bucket} already exists on ${endpoint}`)
}
