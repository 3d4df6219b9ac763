import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { minioBinary } from './minio.js'

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

// Same watchdog as helpers/minio.ts: MinIO dies with the test process even if it is SIGKILLed.
const WATCHDOG = `
const { spawn } = require('node:child_process')
const server = spawn(process.argv[1], process.argv.slice(2), { stdio: ['ignore', 'inherit', 'inherit'] })
const end = () => { server.kill('SIGKILL') }
process.stdin.on('data', () => {}).on('end', end).on('error', end)
process.on('SIGTERM', end)
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
`

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })

const isLive = (endpoint: string): Promise<boolean> =>
  new Promise((resolve) => {
    get(`${endpoint}/minio/health/live`, { agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    }).once('error', () => resolve(false))
  })

const live = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of live) child.kill('SIGTERM')
})

/**
 * Starts `.tools/bin/minio` with `MINIO_IDENTITY_OPENID_CONFIG_URL` pointing at
 * `configUrl` and `clientId` as the audience it requires. The provider must be
 * serving before this is called (MinIO reads discovery and JWKS at start).
 */
export async function startMinioSts(configUrl: string, clientId: string): Promise<MinioSts> {
  if (!existsSync(minioBinary)) throw new Error(`${minioBinary} is missing: run scripts/install-tools.sh minio`)
  const dataDir = mkdtempSync(join(tmpdir(), 'tforch-minio-sts-'))
  const rootAccessKeyId = `root${randomBytes(6).toString('hex')}`
  const rootSecretAccessKey = randomBytes(24).toString('hex')
  const [port, consolePort] = [await freePort(), await freePort()]
  const endpoint = `http://127.0.0.1:${port}`
  const args = ['server', join(dataDir, 'data'), '--quiet', '--address', `127.0.0.1:${port}`, '--console-address', `127.0.0.1:${consolePort}`]
  const child = spawn(process.execPath, ['-e', WATCHDOG, minioBinary, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dataDir,
      MINIO_ROOT_USER: rootAccessKeyId,
      MINIO_ROOT_PASSWORD: rootSecretAccessKey,
      MINIO_IDENTITY_OPENID_CONFIG_URL: configUrl,
      MINIO_IDENTITY_OPENID_CLIENT_ID: clientId,
      MINIO_IDENTITY_OPENID_CLAIM_NAME: 'policy',
      MINIO_BROWSER: 'off',
      MINIO_UPDATE: 'off',
      MINIO_CI_CD: 'on'
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
  const deadline = Date.now() + 30_000
  while (!(await isLive(endpoint))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`minio (OpenID STS) did not become ready:\n${output}`)
    }
    await sleep(100)
  }
  const region = 'us-east-1'
  const client = new S3Client({ endpoint, region, forcePathStyle: true, credentials: { accessKeyId: rootAccessKeyId, secretAccessKey: rootSecretAccessKey } })
  return {
    endpoint,
    region,
    rootAccessKeyId,
    rootSecretAccessKey,
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
