import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { readEnvironment } from '../../src/app/environment.js'
import { runCli } from '../../src/cli/main.js'
import { s3ObjectStore } from '../../src/state/io/s3-object-store.js'
import type { ObjectStore } from '../../src/state/object-store.js'
import { lastSummary } from '../helpers/stacks.js'
import { startMinio, type Minio } from '../helpers/minio.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

// The shipped S3 example (examples/aws-fleet-minio) built by its setup script and run against MinIO.
const tmp = tempDir()
const dir = join(tmp.dir, 'fleet')
let minio: Minio
let objects: ObjectStore
const saved = { ...process.env }
const quiet = { out: () => undefined, err: () => undefined }
const PAYMENTS = 'deployments/acme-dev/us-east-1/S3/payments-data/payments-data.tfvars'
const ROLES = 'deployments/acme-prd/eu-west-1/IAM/app-roles/app-roles.tfvars'
const cli = (...args: string[]): Promise<number> => runCli([...args, '-w', dir], quiet, readEnvironment(process.env, false))
/** Gives a deployment one more tag: a change to apply. */
const retag = (file: string, value: string): void => writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(/tags = \{/, `tags = {\n  "touched-${value}" = "${value}"`))

beforeAll(async () => {
  minio = await startMinio()
  execFileSync(join(repoRoot, 'examples/aws-fleet-minio/setup.sh'), [dir])
  const config = join(dir, '.tf-orchestrator.yml')
  writeFileSync(config, readFileSync(config, 'utf8').replace('http://127.0.0.1:9000', minio.endpoint))
  // The SDK (ours) and OpenTofu (the children) both take the credentials from the environment.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: minio.accessKeyId, AWS_SECRET_ACCESS_KEY: minio.secretAccessKey, AWS_REGION: minio.region })
  execFileSync(process.execPath, [join(repoRoot, 'examples/aws-fleet-minio/create-bucket.mjs'), minio.endpoint, 'tf-orchestrator-state'], { env: process.env })
  objects = s3ObjectStore(minio.client, { bucket: 'tf-orchestrator-state', prefix: 'fleet/', encryption: { kind: 'AES256' } })
})
afterAll(async () => {
  process.env = saved
  await minio?.stop()
  tmp.cleanup()
})

describe('the aws-fleet example with S3 state on MinIO', () => {
  it('keeps every state at its computed key, plans no changes the second time, and writes encrypted backups', async () => {
    expect(await cli('apply', '--all')).toBe(0)
    const applied = lastSummary(dir).deployments
    expect(applied).toHaveLength(19)
    for (const d of applied) {
      expect(d).toMatchObject({ status: 'succeeded', applied: true, backup: { status: 'no-previous-state' } })
      expect(await objects.head(d.stateKey)).toMatchObject({ size: expect.any(Number), encryption: 'AES256' })
    }
    expect(existsSync(join(dir, 'terraform.tfstate'))).toBe(false)

    expect(await cli('plan', '--all')).toBe(0)
    expect(lastSummary(dir).deployments.every((d) => d.status === 'succeeded' && d.hasChanges === false)).toBe(true)

    retag(PAYMENTS, 'one')
    expect(await cli('apply', '--changed-files', join(dir, PAYMENTS))).toBe(0)
    const [payments] = lastSummary(dir).deployments
    expect(payments).toMatchObject({ id: 's3/acme-dev/us-east-1/payments-data', backup: { status: 'backed-up', key: expect.stringMatching(/^backups\/s3\/acme-dev\//) } })
    expect(await objects.head(payments?.backup?.key as string)).toMatchObject({ encryption: 'AES256', size: payments?.backup?.size })
  })

  it('MinIO stopped before the backup step: no apply runs, every deployment is blocked with the reason, exit 1', async () => {
    // A binary wrapper holds every `show` until the test has stopped MinIO: each deployment has planned by then.
    const marks = join(tmp.dir, 'marks')
    mkdirSync(marks)
    const wrapper = join(tmp.dir, 'tofu-held')
    const tofu = join(repoRoot, '.tools/bin/tofu')
    writeFileSync(wrapper, `#!/bin/sh\nif [ "$1" = show ]; then touch "${marks}/$$"; while [ ! -f "${marks}/go" ]; do sleep 0.1; done; fi\nexec "${tofu}" "$@"\n`)
    chmodSync(wrapper, 0o755)
    retag(PAYMENTS, 'two')
    retag(ROLES, 'two')
    const running = cli('apply', '--changed-files', `${join(dir, PAYMENTS)},${join(dir, ROLES)}`, '--binary', wrapper)
    const deadline = Date.now() + 60_000
    while (readdirSync(marks).length < 2 && Date.now() < deadline) await sleep(100)
    await minio.stop()
    writeFileSync(join(marks, 'go'), '')
    expect(await running).toBe(1)
    const results = lastSummary(dir).deployments
    expect(results.map((d) => d.id).sort()).toEqual(['iam/acme-prd/eu-west-1/app-roles', 's3/acme-dev/us-east-1/payments-data'])
    for (const d of results) {
      expect(d).toMatchObject({ status: 'blocked', error: expect.stringMatching(/^state backup of s3:\/\/tf-orchestrator-state\/fleet\/.* failed, apply not run \(backup: required\): /) })
      expect(d.phases.apply).toBeUndefined()
      expect(d.backup).toMatchObject({ status: 'failed', error: expect.stringContaining('ECONNREFUSED') })
    }
  })
})
