import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readEnvironment } from '../../src/app/environment.js'
import { runCli } from '../../src/cli/main.js'
import { storedPlanKeys } from '../../src/plans/review-ref.js'
import { s3ObjectStore } from '../../src/state/io/s3-object-store.js'
import type { ObjectStore } from '../../src/state/object-store.js'
import { startMinio, type Minio } from '../helpers/minio.js'
import { lastSummary } from '../helpers/stacks.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'
import { storedPlanBehaviour } from './stored-plan-behaviour.js'

// The shipped S3 example (examples/aws-fleet-minio) on MinIO: stored plans live in the same bucket, encrypted.
const tmp = tempDir()
const dir = join(tmp.dir, 'fleet')
let minio: Minio
let objects: ObjectStore
const saved = { ...process.env }
const quiet = { out: () => undefined, err: () => undefined }
const PAYMENTS = 'deployments/acme-dev/us-east-1/S3/payments-data/payments-data.tfvars'
const ID = 's3/acme-dev/us-east-1/payments-data'
const REVIEW = { repository: 'acme/fleet', pullRequest: 3, headSha: 'feed123' }
const cli = (...args: string[]): Promise<number> => runCli([...args, '-w', dir, '--changed-files', join(dir, PAYMENTS)], quiet, readEnvironment(process.env, false))

beforeAll(async () => {
  minio = await startMinio()
  execFileSync(join(repoRoot, 'examples/aws-fleet-minio/setup.sh'), [dir])
  const config = join(dir, '.tf-orchestrator.yml')
  writeFileSync(config, readFileSync(config, 'utf8').replace('http://127.0.0.1:9000', minio.endpoint))
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: minio.accessKeyId, AWS_SECRET_ACCESS_KEY: minio.secretAccessKey, AWS_REGION: minio.region })
  execFileSync(process.execPath, [join(repoRoot, 'examples/aws-fleet-minio/create-bucket.mjs'), minio.endpoint, 'tf-orchestrator-state'], { env: process.env })
  objects = s3ObjectStore(minio.client, { bucket: 'tf-orchestrator-state', prefix: 'fleet/', encryption: { kind: 'AES256' } })
})
afterAll(async () => {
  process.env = saved
  await minio?.stop()
  tmp.cleanup()
})

describe('reviewed plans in S3 (MinIO)', () => {
  it('stores the plan encrypted beside the state and applies it on merge without planning again', async () => {
    expect(await cli('apply')).toBe(0)
    const file = join(dir, PAYMENTS)
    writeFileSync(file, readFileSync(file, 'utf8').replace(/tags = \{/, 'tags = {\n  "reviewed" = "yes"'))
    expect(await cli('plan', '--review', 'acme/fleet#3@feed123')).toBe(0)
    const keys = storedPlanKeys(REVIEW, ID)
    for (const key of [keys.plan, keys.json, keys.meta]) expect(await objects.head(key)).toMatchObject({ encryption: 'AES256' })
    const [deployment] = lastSummary(dir).deployments
    const state = JSON.parse(Buffer.from((await objects.get(deployment?.stateKey as string)) as Uint8Array).toString('utf8'))
    const meta = JSON.parse(Buffer.from((await objects.get(keys.meta)) as Uint8Array).toString('utf8'))
    expect(meta).toMatchObject({ serial: state.serial, lineage: state.lineage, stateKey: deployment?.stateKey, hasChanges: true })

    expect(await cli('apply', '--review', 'acme/fleet#3@feed123')).toBe(0)
    const [applied] = lastSummary(dir).deployments
    expect(applied).toMatchObject({ id: ID, status: 'succeeded', applied: true, reviewedPlan: { used: true } })
    expect(applied?.phases.plan).toBeUndefined()
    expect(await objects.list(keys.folder)).toEqual([])
  })

  describe('the store', () => {
    let n = 0
    storedPlanBehaviour(() => s3ObjectStore(minio.client, { bucket: 'tf-orchestrator-state', prefix: `behaviour-${n++}/`, encryption: { kind: 'AES256' } }))
  })
})
