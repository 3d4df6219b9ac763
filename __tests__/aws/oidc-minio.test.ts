import { jest } from '@jest/globals'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import * as core from '@actions/core'
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { githubIdToken } from '../../src/aws/io/github-id-token.js'
import { credentialsEnv, oidcCredentials, STS_AUDIENCE, type OidcCredentialOptions, type TemporaryCredentials } from '../../src/aws/io/oidc-credentials.js'
import { deploymentCredentials } from '../../src/aws/io/deployment-credentials.js'
import { s3BackendConfig } from '../../src/state/io/s3-state-store.js'
import { startMinioSts, type MinioSts } from '../helpers/minio-sts.js'
import { rsaKey, startOidcProvider, type OidcProvider } from '../helpers/oidc-provider.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

const run = promisify(execFile)
const ROLE = 'arn:aws:iam::123456789012:role/gha-deploy' // MinIO's claim-based provider ignores an unknown RoleArn
const tmp = tempDir()
let idp: OidcProvider
let minio: MinioSts
// Everything that could leak a credential: the provider's log lines, stdout, errors, tofu's and MinIO's output.
const secrets = new Set<string>()
const logs: string[] = []
let stdout = ''
const savedEnv = { ...process.env }

beforeAll(async () => {
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk)
    return true
  })
  idp = await startOidcProvider()
  idp.tokenClaims = { policy: 'readwrite' }
  minio = await startMinioSts(idp.discoveryUrl, STS_AUDIENCE)
  await minio.createBucket('tfstate')
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = idp.requestUrl
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = idp.requestToken
})
afterAll(async () => {
  jest.restoreAllMocks()
  process.env = savedEnv
  await minio?.stop()
  await idp?.stop()
  tmp.cleanup()
})

/** The production wiring: GitHub's token through core.getIDToken, secrets masked with core.setSecret. */
const provider = (extra: Partial<OidcCredentialOptions> = {}) =>
  oidcCredentials({
    roleArn: ROLE,
    region: minio.region,
    sessionName: 'tf-orchestrator-test',
    durationSeconds: 900,
    stsEndpoint: minio.endpoint,
    getIdToken: githubIdToken,
    onSecret: (value) => {
      secrets.add(value)
      core.setSecret(value)
    },
    log: (line) => logs.push(line),
    ...extra
  })

const s3 = (credentials: () => Promise<TemporaryCredentials>) => new S3Client({ endpoint: minio.endpoint, region: minio.region, forcePathStyle: true, credentials })
const put = async (credentials: () => Promise<TemporaryCredentials>, key: string) => {
  const client = s3(credentials)
  try {
    await client.send(new PutObjectCommand({ Bucket: 'tfstate', Key: key, Body: key }))
  } finally {
    client.destroy()
  }
}
const readBack = async (key: string) => (await minio.client.send(new GetObjectCommand({ Bucket: 'tfstate', Key: key }))).Body?.transformToString()
const failure = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'no error',
    (e: Error) => (logs.push(e.message), e.message)
  )

describe('GitHub OIDC token -> MinIO STS -> temporary credentials', () => {
  it('asks the GitHub-like endpoint for an sts.amazonaws.com token and writes to the bucket with the credentials', async () => {
    const creds = provider()
    const first = await creds()
    expect(idp.audiences).toEqual([STS_AUDIENCE])
    expect(first.accessKeyId).not.toBe(minio.rootAccessKeyId)
    expect(first.sessionToken.length).toBeGreaterThan(20)
    expect(Math.abs(first.expiration.getTime() - (Date.now() + 900_000))).toBeLessThan(30_000)
    await put(creds, 'oidc/hello.txt')
    expect(await readBack('oidc/hello.txt')).toBe('oidc/hello.txt')
    expect(logs.at(-1)).toMatch(new RegExp(`^assumed ${ROLE} \\(session tf-orchestrator-test\\) until \\d{4}-`))
  })

  it('masks the token and all three credential values with core.setSecret before anything else', async () => {
    const creds = await provider()()
    for (const value of [creds.accessKeyId, creds.secretAccessKey, creds.sessionToken, idp.issued.at(-1) as string]) {
      expect(stdout).toContain(`::add-mask::${value}`)
    }
  })

  it('refuses expired, forged and wrong-audience tokens with a clear error naming the role', async () => {
    const claims = { sub: 'repo:org/infra:ref:refs/heads/main', aud: STS_AUDIENCE, policy: 'readwrite' }
    const expired = idp.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 })
    const forged = idp.sign(claims, rsaKey())
    const otherAudience = idp.sign({ ...claims, aud: 'https://github.com/org' })
    const withToken = (token: string) => provider({ getIdToken: async () => token })()
    const prefix = `AssumeRoleWithWebIdentity for ${ROLE} at ${minio.endpoint} failed: `
    expect(await failure(withToken(expired))).toMatch(new RegExp(`^${prefix}InvalidParameterValue: Token is expired`))
    expect(await failure(withToken(forged))).toMatch(new RegExp(`^${prefix}.*(verification|signature)`, 'i'))
    expect(await failure(withToken(otherAudience))).toMatch(new RegExp(`^${prefix}.*must match configured OpenID Client ID`))
    expect(await failure(withToken('not-a-jwt'))).toMatch(new RegExp(`^${prefix}InvalidParameterValue: .*segments`))
  })

  it('says what is missing when the job has no id-token permission or a wrong request token', async () => {
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL
    expect(await failure(githubIdToken(STS_AUDIENCE))).toMatch(/^could not get a GitHub OIDC token for audience sts.amazonaws.com: .*ACTIONS_ID_TOKEN_REQUEST_URL.*job permission `id-token: write`/)
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = idp.requestUrl
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'wrong'
    expect(await failure(githubIdToken(STS_AUDIENCE))).toMatch(/^could not get a GitHub OIDC token for audience sts.amazonaws.com: .*401/s)
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = idp.requestToken
  })

  it('S3 refuses made-up session credentials', async () => {
    const real = await provider()()
    const garbage = async () => ({ ...real, sessionToken: `${real.sessionToken.slice(0, -8)}AAAAAAAA` })
    expect(await failure(put(garbage, 'oidc/garbage.txt'))).toMatch(/token|signature|denied|invalid/i)
  })
})

describe('refreshing before expiry', () => {
  it('exchanges once for concurrent callers and reuses the credentials while they are fresh', async () => {
    const before = idp.issued.length
    const creds = provider()
    const all = await Promise.all([creds(), creds(), creds(), creds(), creds()])
    expect(new Set(all.map((c) => c.accessKeyId)).size).toBe(1)
    expect((await creds()).accessKeyId).toBe(all[0]?.accessKeyId)
    expect(idp.issued.length).toBe(before + 1)
  })

  it('fetches new credentials with a new token once expiry is within the margin (real time)', async () => {
    // 900 s is MinIO's minimum session: a margin of 900 s - 1.5 s makes them "expiring" 1.5 s after issue.
    const creds = provider({ refreshMarginMs: 900_000 - 1_500 })
    const first = await creds()
    expect((await creds()).accessKeyId).toBe(first.accessKeyId)
    await sleep(2_000)
    const tokens = idp.issued.length
    const second = await creds()
    expect(second.accessKeyId).not.toBe(first.accessKeyId)
    expect(idp.issued.length).toBe(tokens + 1)
    expect(second.expiration.getTime()).toBeGreaterThan(first.expiration.getTime())
    await put(creds, 'oidc/after-refresh.txt')
  })

  it('refreshes 5 minutes before expiry by default, and validFor(ms) caps what a child asks at one session', async () => {
    let skew = 0
    const creds = provider({ now: () => Date.now() + skew })
    const first = await creds()
    skew = 590_000 // about 310 s left: more than the 5-minute margin
    expect((await creds()).accessKeyId).toBe(first.accessKeyId)
    // A 2-hour apply cannot get 2 hours from a 15-minute session: it gets 10 minutes (900 s - margin), here 310 s left -> fresh.
    const forChild = await creds.validFor(2 * 3600_000)
    expect(forChild.accessKeyId).not.toBe(first.accessKeyId)
    skew = 605_000 // under 5 minutes left of the child's credentials
    expect((await creds()).accessKeyId).not.toBe(forChild.accessKeyId)
  })
})

describe('OpenTofu with the temporary credentials in its environment', () => {
  it('stores its s3-backend state in MinIO and plans no changes afterwards', async () => {
    const creds = provider()
    tmp.write('stack/main.tf', 'terraform {\n  backend "s3" {}\n}\n\nresource "terraform_data" "item" {\n  input = "oidc"\n}\n')
    const cwd = join(tmp.dir, 'stack')
    const settings = { bucket: 'tfstate', region: minio.region, key_prefix: 'oidc/', endpoint: minio.endpoint, use_path_style: true, use_lockfile: true, encrypt: false }
    const env = { PATH: process.env.PATH ?? '', HOME: cwd, TF_IN_AUTOMATION: '1', TF_DATA_DIR: join(cwd, '.tfdata'), ...credentialsEnv(await creds.validFor(600_000), minio.region) }
    const tofu = join(repoRoot, '.tools', 'bin', 'tofu')
    const tf = async (...args: string[]) => {
      const out = await run(tofu, [...args, '-no-color', '-input=false'], { cwd, env })
      logs.push(out.stdout, out.stderr)
      return out
    }
    await tf('init', ...s3BackendConfig(settings, 's3/acct/us-east-1/proj/terraform.tfstate').map((kv) => `-backend-config=${kv}`))
    await tf('apply', '-auto-approve')
    const state = JSON.parse((await readBack('oidc/s3/acct/us-east-1/proj/terraform.tfstate')) ?? '{}') as { resources?: { type: string }[] }
    expect(state.resources?.map((r) => r.type)).toEqual(['terraform_data'])
    expect((await tf('plan', '-detailed-exitcode')).stdout).toContain('No changes')
  })
})

describe('per-account roles (aws_roles)', () => {
  const settings = () => ({ roleArn: ROLE, region: minio.region, sessionName: 'fleet', durationSeconds: 900, stsEndpoint: minio.endpoint })
  const options = { getIdToken: githubIdToken, onSecret: (v: string) => void secrets.add(v), log: (line: string) => logs.push(line) }

  it("gives each account its own role's credentials, the action's role to the others, one session per role", async () => {
    const awsRoles = { 'acme-dev': 'arn:aws:iam::111111111111:role/deploy', 'acme-prod': 'arn:aws:iam::222222222222:role/deploy' }
    const fleet = deploymentCredentials({ settings: settings(), awsRoles, ...options })
    const start = logs.length
    const dev = await fleet.envFor('acme-dev', 0)
    const prod = await fleet.envFor('acme-prod', 0)
    const other = await fleet.envFor('acme-test', 0)
    const action = await fleet.action?.()
    expect(new Set([dev.AWS_ACCESS_KEY_ID, prod.AWS_ACCESS_KEY_ID, other.AWS_ACCESS_KEY_ID]).size).toBe(3)
    expect(other.AWS_ACCESS_KEY_ID).toBe(action?.accessKeyId)
    expect((await fleet.envFor('acme-dev', 0)).AWS_ACCESS_KEY_ID).toBe(dev.AWS_ACCESS_KEY_ID)
    expect(logs.slice(start).map((l) => l.split(' ')[1])).toEqual([awsRoles['acme-dev'], awsRoles['acme-prod'], ROLE])
    expect(Object.keys(dev).sort()).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'])
  })

  it('refuses aws_roles that are not role ARNs, or without the action role, and gives no env when no role applies', async () => {
    expect(() => deploymentCredentials({ settings: settings(), awsRoles: { 'acme-dev': 'arn:aws:iam::1234:user/bob' }, ...options })).toThrow(
      'aws_roles.acme-dev: "arn:aws:iam::1234:user/bob" names an IAM user'
    )
    expect(() => deploymentCredentials({ settings: undefined, awsRoles: { 'acme-dev': ROLE }, ...options })).toThrow('needs the aws-role-arn')
    expect(await deploymentCredentials({ settings: undefined, awsRoles: {}, ...options }).envFor('acme-dev', 0)).toEqual({})
  })
})

describe('secrets', () => {
  it('printed no credential or token anywhere except the ::add-mask:: commands', () => {
    for (const token of idp.issued) secrets.add(token)
    expect(secrets.size).toBeGreaterThan(20)
    const unmasked = stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'))
    const everything = [...logs, ...unmasked, minio.output()].join('\n')
    expect([...secrets].filter((secret) => everything.includes(secret))).toEqual([])
  })
})
