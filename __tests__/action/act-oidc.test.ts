import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { GetObjectCommand } from '@aws-sdk/client-s3'
import { STS_AUDIENCE } from '../../src/aws/io/oidc-credentials.js'
import { git } from '../helpers/git-repo.js'
import { startMinioSts, type MinioSts } from '../helpers/minio-sts.js'
import { startOidcProvider, type OidcProvider } from '../helpers/oidc-provider.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

// The bundle under test: the real repository, or a private build (TFORCH_ACTION_ROOT) with its own dist/.
const actionRoot = process.env.TFORCH_ACTION_ROOT ?? repoRoot
const ROLE = 'arn:aws:iam::123456789012:role/gha-deploy' // MinIO's claim-based provider ignores an unknown RoleArn

// Run by tofu's local-exec with the deployment's environment: writes to MinIO with
// whatever credentials it was given (the SDK's env chain), and hands their values to
// the test through a file outside the workspace so the test can look for leaks.
const PROBE = `
const { S3Client, PutObjectCommand } = require(${JSON.stringify(join(repoRoot, 'node_modules/@aws-sdk/client-s3'))})
const e = process.env
require('node:fs').writeFileSync(e.PROBE_SECRETS, JSON.stringify([e.AWS_ACCESS_KEY_ID, e.AWS_SECRET_ACCESS_KEY, e.AWS_SESSION_TOKEN].filter(Boolean)))
const client = new S3Client({ endpoint: e.PROBE_ENDPOINT, region: e.AWS_REGION || 'none', forcePathStyle: true })
client.send(new PutObjectCommand({ Bucket: 'tfstate', Key: 'probe/from-tofu.txt', Body: 'written by tofu local-exec' })).catch((err) => {
  console.error('probe: ' + err.name)
  process.exit(1)
})
`
const STACK = `terraform {
  backend "local" {}
}

resource "terraform_data" "probe" {
  input = "oidc"
  provisioner "local-exec" {
    command = "node \\"$PROBE_SCRIPT\\""
  }
}
`

let idp: OidcProvider
let minio: MinioSts
const tmp = tempDir({ 'probe.cjs': PROBE })

beforeAll(async () => {
  idp = await startOidcProvider()
  idp.tokenClaims = { policy: 'readwrite' }
  minio = await startMinioSts(idp.discoveryUrl, STS_AUDIENCE)
  await minio.createBucket('tfstate')
})
afterAll(async () => {
  await minio?.stop()
  await idp?.stop()
  tmp.cleanup()
})

/**
 * Runs a workflow using the bundled action under act (host mode), with `env` in the
 * job's environment. Asynchronous: the GitHub-like token endpoint runs in this process.
 */
async function runWorkflow(name: string, steps: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const repo = join(tmp.dir, name)
  for (const entry of ['action.yml', 'dist', 'package.json']) cpSync(join(actionRoot, entry), join(repo, entry), { recursive: true })
  mkdirSync(join(repo, 'infra/east/app'), { recursive: true })
  writeFileSync(join(repo, 'infra/east/app/main.tf'), STACK)
  writeFileSync(join(repo, 'infra/.tf-orchestrator.yml'), 'policies:\n  mode: off\n')
  mkdirSync(join(repo, '.github/workflows'), { recursive: true })
  const job = `name: test\non: push\njobs:\n  run:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n    steps:\n      - run: cp -a "$SOURCE_REPO/." .\n${steps}`
  writeFileSync(join(repo, '.github/workflows/test.yml'), job)
  git(repo, 'init', '-q', '-b', 'main')
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'test')
  const all = { SOURCE_REPO: repo, OUT_DIR: tmp.dir, TF_PLUGIN_CACHE_DIR: join(tmp.dir, `plugins-${name}`), ...env }
  const args = ['push', '-P', 'ubuntu-latest=-self-hosted', '--cache-server-addr', '127.0.0.1', '--cache-server-path', join(tmp.dir, 'actcache')]
  for (const [k, v] of Object.entries(all)) args.push('--env', `${k}=${v}`)
  const child = spawn('act', args, { cwd: repo, env: process.env, timeout: 240_000 })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
  return { code, output }
}

const APPLY = ['      - id: apply', '        uses: ./', '        with:', '          command: apply', '          all: "true"', '          working-directory: infra', `          aws-role-arn: ${ROLE}`, '          aws-region: us-east-1']

describe('the action assumes aws-role-arn with the job OIDC token (act, MinIO STS)', () => {
  it("gives tofu the role's temporary credentials, which write to MinIO, and prints none of them", async () => {
    const secretsFile = join(tmp.dir, 'secrets.json')
    const summaryCopy = join(tmp.dir, 'summary.json')
    const { code, output } = await runWorkflow('ok', [...APPLY, `      - run: cp "\${{ steps.apply.outputs.summary-file }}" "$OUT_DIR/summary.json"`, ''].join('\n'), {
      ACTIONS_ID_TOKEN_REQUEST_URL: idp.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: idp.requestToken,
      AWS_ENDPOINT_URL_STS: minio.endpoint,
      PROBE_SCRIPT: join(tmp.dir, 'probe.cjs'),
      PROBE_ENDPOINT: minio.endpoint,
      PROBE_SECRETS: secretsFile
    })
    expect(output).toContain(`assumed ${ROLE} (session tf-orchestrator-`)
    expect(output).toContain('Job succeeded')
    expect(code).toBe(0)
    const written = await minio.client.send(new GetObjectCommand({ Bucket: 'tfstate', Key: 'probe/from-tofu.txt' }))
    expect(await written.Body?.transformToString()).toBe('written by tofu local-exec')
    // The values tofu had: an STS session (not the root user), never printed, summarised or stored.
    const secrets = JSON.parse(readFileSync(secretsFile, 'utf8')) as string[]
    expect(secrets).toHaveLength(3)
    expect(secrets[0]).not.toBe(minio.rootAccessKeyId)
    expect(idp.issued.length).toBeGreaterThan(0)
    expect(output).toContain('Summary - ') // act prints the job summary: it is part of `output`
    const summary = readFileSync(summaryCopy, 'utf8')
    expect(JSON.parse(summary).totals.succeeded).toBe(1)
    for (const secret of [...secrets, ...idp.issued]) {
      expect({ inOutput: output.includes(secret), inSummary: summary.includes(secret) }).toEqual({ inOutput: false, inSummary: false })
    }
  })

  it('fails before any deployment runs when the job cannot get an OIDC token', async () => {
    const { code, output } = await runWorkflow('no-token', [...APPLY, ''].join('\n'), { AWS_ENDPOINT_URL_STS: minio.endpoint, PROBE_SECRETS: join(tmp.dir, 'never.json') })
    expect(output).toMatch(/could not get a GitHub OIDC token for audience sts\.amazonaws\.com: .*id-token: write/)
    expect(output).not.toMatch(/\bapp\/default\/east\/default\b.*(plan|apply)/)
    expect(existsSync(join(tmp.dir, 'never.json'))).toBe(false)
    expect(output).toContain('Job failed')
    expect(code).not.toBe(0)
  })
})
