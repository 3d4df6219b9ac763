import { execFile, spawn } from 'node:child_process'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import { s3BackendConfig, s3StateStore, type S3StateSettings } from '../../src/state/io/s3-state-store.js'
import { startMinio, type Minio } from '../helpers/minio.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

const run = promisify(execFile)
const tofu = join(repoRoot, '.tools', 'bin', 'tofu')
const STATE = 'app/acct/us-east-1/proj/terraform.tfstate'

let minio: Minio
const tmp = tempDir()
beforeAll(async () => {
  minio = await startMinio()
  await minio.createBucket('tfstate')
})
afterAll(async () => {
  await minio?.stop()
  tmp.cleanup()
})

const settings = (extra: Partial<S3StateSettings> = {}): S3StateSettings => ({
  bucket: 'tfstate',
  region: minio.region,
  key_prefix: 'org/',
  endpoint: minio.endpoint,
  use_path_style: true,
  use_lockfile: true,
  encrypt: true,
  ...extra
})

describe('the s3 backend configuration', () => {
  it('points OpenTofu at the key below the prefix, with the S3-compatible switches only for a custom endpoint', () => {
    const aws = { bucket: 'b', region: 'eu-west-1', key_prefix: 'p/', use_path_style: false, use_lockfile: true, encrypt: true, kms_key_id: 'alias/state' }
    expect(s3BackendConfig(aws, STATE)).toEqual([
      'bucket=b',
      `key=p/${STATE}`,
      'region=eu-west-1',
      'encrypt=true',
      'use_lockfile=true',
      'use_path_style=false',
      'kms_key_id=alias/state'
    ])
    expect(s3BackendConfig({ ...aws, endpoint: 'http://127.0.0.1:9000/${x}' }, STATE).slice(7)).toEqual([
      'endpoints={ s3 = "http://127.0.0.1:9000/$${x}" }',
      'skip_credentials_validation=true',
      'skip_region_validation=true',
      'skip_requesting_account_id=true'
    ])
  })
})

/** A root module with an s3 backend in its own folder, and how to run tofu on it against MinIO. */
function deployment(name: string, main: string) {
  tmp.write(`${name}/main.tf`, `terraform {\n  backend "s3" {}\n}\n\n${main}`)
  const cwd = join(tmp.dir, name)
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: cwd,
    TF_IN_AUTOMATION: '1',
    TF_DATA_DIR: join(cwd, '.tfdata'),
    AWS_ACCESS_KEY_ID: minio.accessKeyId,
    AWS_SECRET_ACCESS_KEY: minio.secretAccessKey
  }
  const tf = (...args: string[]) => run(tofu, [...args, '-no-color', '-input=false'], { cwd, env })
  return { cwd, env, tf }
}

const exitCodeOf = async (promise: Promise<unknown>): Promise<number> =>
  promise.then(
    () => 0,
    (error: { code?: number }) => error.code ?? -1
  )

describe('OpenTofu with the s3 backend on MinIO', () => {
  it('inits, applies to the computed key with the KMS key, then plans no changes', async () => {
    const config = settings({ kms_key_id: minio.kmsKeyName })
    const store = s3StateStore(config, minio.client)
    const { tf } = deployment('kms', 'resource "terraform_data" "item" {\n  input = "hello"\n}\n')
    expect(await store.stateBytes(STATE)).toBeUndefined()
    await tf('init', ...store.backendConfig(STATE).map((kv) => `-backend-config=${kv}`))
    await tf('apply', '-auto-approve')
    expect(store.describe(STATE)).toBe(`s3://tfstate/org/${STATE}`)
    expect(await store.stateBytes(STATE)).toBeGreaterThan(100)
    const state = await store.objects.head(STATE)
    expect(state).toMatchObject({ encryption: 'aws:kms', kmsKeyId: expect.stringContaining(minio.kmsKeyName) })
    const body = JSON.parse(Buffer.from((await store.objects.get(STATE)) ?? []).toString()) as { resources: { type: string }[] }
    expect(body.resources.map((r) => r.type)).toEqual(['terraform_data'])
    expect(await exitCodeOf(tf('plan', '-detailed-exitcode'))).toBe(0)
    expect(await store.objects.head(`${STATE}.tflock`)).toBeUndefined()
  })

  it('writes SSE-S3 state when encrypt is on without a KMS key', async () => {
    const store = s3StateStore(settings({ key_prefix: 'aes/' }), minio.client)
    const { tf } = deployment('aes', 'resource "terraform_data" "item" {\n  input = "x"\n}\n')
    await tf('init', ...store.backendConfig(STATE).map((kv) => `-backend-config=${kv}`))
    await tf('apply', '-auto-approve')
    expect(await store.objects.head(STATE)).toMatchObject({ encryption: 'AES256' })
  })

  it('refuses a second apply while the first holds the lock file', async () => {
    const store = s3StateStore(settings({ key_prefix: 'lock/' }), minio.client)
    const slow = 'resource "terraform_data" "slow" {\n  provisioner "local-exec" {\n    command = "sleep 8"\n  }\n}\n'
    const { cwd, env, tf } = deployment('lock', slow)
    await tf('init', ...store.backendConfig(STATE).map((kv) => `-backend-config=${kv}`))
    const first = spawn(tofu, ['apply', '-auto-approve', '-no-color', '-input=false'], { cwd, env, stdio: 'ignore' })
    const firstDone = new Promise<number | null>((resolve) => first.once('exit', resolve))
    try {
      const deadline = Date.now() + 30_000
      while (!(await store.objects.head(`${STATE}.tflock`)) && Date.now() < deadline) await sleep(100)
      expect(await store.objects.head(`${STATE}.tflock`)).toBeDefined()
      const second = await tf('apply', '-auto-approve', '-lock-timeout=0s').then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error
      )
      expect(second.code).toBe(1)
      expect(second.stderr).toContain('Error acquiring the state lock')
      expect(await firstDone).toBe(0)
    } finally {
      first.kill('SIGKILL')
    }
    expect(await store.objects.head(`${STATE}.tflock`)).toBeUndefined()
    expect(await exitCodeOf(tf('plan', '-detailed-exitcode'))).toBe(0)
  })
})
