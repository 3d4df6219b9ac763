import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { repoRoot } from './temp-dir.js'

/** A running MinIO server for one test file. */
export interface Minio {
  endpoint: string
  accessKeyId: string
  secretAccessKey: string
  region: string
  /** The name of the static KMS key: SSE-KMS requests name it as SSEKMSKeyId. */
  kmsKeyName: string
  dataDir: string
  /** A client with the root user's credentials. */
  client: S3Client
  createBucket(name: string): Promise<void>
  /** MinIO's own output so far (the last 50,000 characters). */
  output(): string
  stop(): Promise<void>
}

export const minioBinary = join(repoRoot, '.tools', 'bin', 'minio')

// MinIO runs under this watchdog, which kills it when its stdin closes: the
// test process holds the other end, so even a SIGKILLed jest worker takes
// MinIO down with it. SIGTERM to the watchdog (stop()) does the same.
const WATCHDOG = `
const { spawn } = require('node:child_process')
const server = spawn(process.argv[1], process.argv.slice(2), { stdio: ['ignore', 'inherit', 'inherit'] })
const end = () => { server.kill('SIGKILL') }
process.stdin.on('data', () => {}).on('end', end).on('error', end)
process.on('SIGTERM', end)
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
`

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

const live = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of live) child.kill('SIGTERM')
})

// node:http without keep-alive: fetch's pooled sockets would keep jest from exiting.
const isLive = (endpoint: string): Promise<boolean> =>
  new Promise((resolve) => {
    get(`${endpoint}/minio/health/live`, { agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    }).once('error', () => resolve(false))
  })

async function waitLive(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`minio exited before it was ready:\n${output()}`)
    const ok = await isLive(endpoint)
    if (ok) return
    await sleep(100)
  }
  throw new Error(`minio did not become ready within 30s:\n${output()}`)
}

/**
 * Starts `.tools/bin/minio` on free loopback ports with random root credentials
 * and a static KMS key (SSE-S3 and SSE-KMS both work), plus `env` (for example
 * an OpenID provider for STS). Call stop() in afterAll.
 */
export async function startMinio(options: { env?: Record<string, string> } = {}): Promise<Minio> {
  if (!existsSync(minioBinary)) throw new Error(`${minioBinary} is missing: run scripts/install-tools.sh minio`)
  const dataDir = mkdtempSync(join(tmpdir(), 'tforch-minio-'))
  const accessKeyId = `root${randomBytes(6).toString('hex')}`
  const secretAccessKey = randomBytes(24).toString('hex')
  // A UUID name: OpenTofu accepts a kms_key_id only in a KMS key id/ARN/alias form.
  const kmsKeyName = randomUUID()
  const [port, consolePort] = [await freePort(), await freePort()]
  const endpoint = `http://127.0.0.1:${port}`
  const args = ['server', join(dataDir, 'data'), '--quiet', '--address', `127.0.0.1:${port}`, '--console-address', `127.0.0.1:${consolePort}`]
  const child = spawn(process.execPath, ['-e', WATCHDOG, minioBinary, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dataDir,
      MINIO_ROOT_USER: accessKeyId,
      MINIO_ROOT_PASSWORD: secretAccessKey,
      MINIO_KMS_SECRET_KEY: `${kmsKeyName}:${randomBytes(32).toString('base64')}`,
      MINIO_BROWSER: 'off',
      MINIO_UPDATE: 'off',
      MINIO_CI_CD: 'on',
      ...options.env
    }
  })
  live.add(child)
  let output = ''
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-50_000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await Promise.race([exited, sleep(10_000, undefined, { ref: false })])
    }
    child.stdin?.destroy()
    live.delete(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
  const region = 'us-east-1'
  const client = new S3Client({ endpoint, region, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } })
  try {
    await waitLive(endpoint, child, () => output)
  } catch (error) {
    await stop()
    throw error
  }
  return {
    endpoint,
    accessKeyId,
    secretAccessKey,
    region,
    kmsKeyName,
    dataDir,
    client,
    createBucket: async (name) => {
      await client.send(new CreateBucketCommand({ Bucket: name }))
    },
    output: () => output,
    stop: async () => {
      client.destroy()
      await stop()
    }
  }
}
