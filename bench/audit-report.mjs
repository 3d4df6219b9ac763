#!/usr/bin/env node
// Audit report on a large history (bench/README.md, "Audit report: 20,000 records against MinIO").
//
// Starts MinIO (.tools/bin/minio, static KMS key, as __tests__/helpers/minio.ts does),
// writes a synthetic year of a 50-deployment fleet through the real code of src/
// (transpiled with TypeScript into a temporary folder): 400 runs x 50 deployments =
// 20,000 deployment records, their 20,000 index entries, 400 run records and 400 run
// rollups, all create-only and SSE-KMS encrypted through the S3 object store a run
// uses. Then it times the `report` command against that bucket, `--since 365d` and
// `--since 30d`, as a user runs it (a new Node process: dist/cli.js when it has the
// command, else the transpiled src/cli.ts), checks the figures against the generator's
// own counts, and exits 1 when the slowest of three --since 365d takes 15 s or more.
// It also times, in process, where the read goes (listings, reads, computing) and a
// proposed read that lists with Delimiter '/'. About 7 minutes on 2 cores, most of it
// writing the 40,800 objects and removing MinIO's data afterwards.
//
//   node bench/audit-report.mjs [--runs 400] [--fleet 50] [--markdown-out FILE] [--json-out FILE]
//
// --markdown-out and --json-out write the `--since 30d` report (docs/audit.md shows it).
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { pathToFileURL } from 'node:url'
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import ts from 'typescript'

const root = join(import.meta.dirname, '..')
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? process.argv[at + 1] : fallback
}
const RUNS = Number(arg('runs', 400))
const FLEET = Number(arg('fleet', 50))
const markdownOut = arg('markdown-out')
const jsonOut = arg('json-out')
const TARGET_MS = 15_000
const PUT_CONCURRENCY = 32
const DAY = 86_400_000
const s = (ms) => `${(ms / 1000).toFixed(1)} s`

// ---------------------------------------------------------------------------------------------
// The real code: every src/**/*.ts transpiled (types dropped) into <tmp>/src, with the
// repository's package.json (ESM, version) and node_modules beside it.

function transpileSources() {
  const out = mkdtempSync(join(tmpdir(), 'tforch-bench-audit-src-'))
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
  for (const file of walk(join(root, 'src')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false, isolatedModules: true }
    })
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js')
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, outputText)
  }
  writeFileSync(join(out, 'package.json'), readFileSync(join(root, 'package.json')))
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'), 'dir')
  return out
}

// ---------------------------------------------------------------------------------------------
// MinIO, as __tests__/helpers/minio.ts starts it: a watchdog kills it when this process goes.

const WATCHDOG = `
const { spawn } = require('node:child_process')
const server = spawn(process.argv[1], process.argv.slice(2), { stdio: ['ignore', 'inherit', 'inherit'] })
const end = () => { server.kill('SIGKILL') }
process.stdin.on('data', () => {}).on('end', end).on('error', end)
process.on('SIGTERM', end)
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
`

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

const isLive = (endpoint) =>
  new Promise((resolve) => {
    get(`${endpoint}/minio/health/live`, { agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    }).once('error', () => resolve(false))
  })

async function startMinio() {
  const binary = join(root, '.tools', 'bin', 'minio')
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run scripts/install-tools.sh minio`)
  const dataDir = mkdtempSync(join(tmpdir(), 'tforch-bench-minio-'))
  const accessKeyId = `root${randomBytes(6).toString('hex')}`
  const secretAccessKey = randomBytes(24).toString('hex')
  const kmsKeyName = randomUUID()
  const [port, consolePort] = [await freePort(), await freePort()]
  const endpoint = `http://127.0.0.1:${port}`
  const args = ['server', join(dataDir, 'data'), '--quiet', '--address', `127.0.0.1:${port}`, '--console-address', `127.0.0.1:${consolePort}`]
  const child = spawn(process.execPath, ['-e', WATCHDOG, binary, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dataDir,
      MINIO_ROOT_USER: accessKeyId,
      MINIO_ROOT_PASSWORD: secretAccessKey,
      MINIO_KMS_SECRET_KEY: `${kmsKeyName}:${randomBytes(32).toString('base64')}`,
      MINIO_BROWSER: 'off',
      MINIO_UPDATE: 'off',
      MINIO_CI_CD: 'on'
    }
  })
  let output = ''
  child.stdout.on('data', (c) => (output = (output + c).slice(-20_000)))
  child.stderr.on('data', (c) => (output = (output + c).slice(-20_000)))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await Promise.race([exited, sleep(10_000, undefined, { ref: false })])
    }
    child.stdin.destroy()
    rmSync(dataDir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`minio exited before it was ready:\n${output}`)
    if (await isLive(endpoint)) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`minio did not become ready within 30s:\n${output}`)
    }
    await sleep(100)
  }
  return { endpoint, accessKeyId, secretAccessKey, kmsKeyName, dataDir, region: 'us-east-1', stop }
}

// ---------------------------------------------------------------------------------------------
// The synthetic year. Deterministic (seeded), so every run of the bench writes the same history.

function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** 50 tfvars deployments: 5 accounts x 2 regions x 5 projects, each with its own service and typical speed. */
function fleet(count, random) {
  const accounts = ['acme-dev', 'acme-staging', 'acme-prod', 'payments-prod', 'data-prod']
  const regions = ['us-east-1', 'eu-west-1']
  const kinds = [['s3'], ['kms'], ['iam'], ['sqs'], ['kms', 's3']]
  const list = []
  for (let i = 0; i < count; i++) {
    const account = accounts[i % accounts.length]
    const region = regions[Math.floor(i / accounts.length) % regions.length]
    const services = kinds[Math.floor(i / (accounts.length * regions.length)) % kinds.length]
    const project = `proj-${String(i).padStart(2, '0')}`
    const service = services.length > 1 ? 'combined' : services[0]
    const id = `${service}/${account}/${region}/${project}`
    const file = `deployments/${account}/${region}/${service.toUpperCase()}/${project}/${project}.tfvars`
    list.push({
      d: { id, name: `${account}/${region}/${project}`, layout: 'tfvars', account, region, project, services, stateKey: `${id}/terraform.tfstate`, rootDir: '.', varFile: file, source: file },
      reason: { kind: 'tfvars-changed', file, text: 'tfvars file changed' },
      planMs: 4_000 + random() * 40_000,
      applyMs: 8_000 + random() * 90_000,
      // A few deployments are flaky: they fail more often and take longer to fix.
      flaky: i % 17 === 3
    })
  }
  return list
}

const OUTPUT = {
  init: 'Initializing the backend...\n\nSuccessfully configured the backend "s3"! OpenTofu will automatically\nuse this backend unless the backend configuration changes.\nInitializing provider plugins...\n- Reusing previous version of hashicorp/aws from the dependency lock file\n- Using previously-installed hashicorp/aws v5.84.0\n\nOpenTofu has been successfully initialized!\n',
  plan: (c) => `aws_s3_bucket.this: Refreshing state... [id=bucket]\n\nOpenTofu used the selected providers to generate the following execution plan.\n\nPlan: ${c.create} to add, ${c.update} to change, ${c.delete} to destroy.\n`,
  apply: (c) => `aws_s3_bucket.this: Modifying... [id=bucket]\naws_s3_bucket.this: Modifications complete after 2s [id=bucket]\n\nApply complete! Resources: ${c.create} added, ${c.update} changed, ${c.delete} destroyed.\n`
}
const DENIES = {
  s3: { id: 'S3_PUBLIC_ACCESS', msg: 'aws_s3_bucket_public_access_block.this must block public ACLs', severity: 'high' },
  kms: { id: 'KMS_ROTATION', msg: 'aws_kms_key.this must enable key rotation', severity: 'medium' },
  iam: { id: 'IAM_WILDCARD_ACTION', msg: 'aws_iam_policy.this allows Action "*"', severity: 'high' },
  sqs: { id: 'SQS_ENCRYPTION', msg: 'aws_sqs_queue.this must be encrypted', severity: 'medium' }
}
/** Errors by service, as OpenTofu's AWS provider prints them (plus a lock error any deployment can hit). */
const ERRORS = {
  s3: ['Error: creating S3 Bucket (acme-payments-data): operation error S3: CreateBucket, https response error StatusCode: 409, BucketAlreadyExists'],
  kms: ['Error: reading KMS Key (alias/app): operation error KMS: DescribeKey, https response error StatusCode: 400, AccessDeniedException'],
  iam: ['Error: creating IAM Role (deployer): operation error IAM: CreateRole, https response error StatusCode: 409, EntityAlreadyExists'],
  sqs: ['Error: waiting for SQS Queue (orders) attributes create: timeout while waiting for state to become equal (last state: \'false\', timeout: 2m0s)'],
  any: ['Error: Error acquiring the state lock: operation error S3: PutObject, https response error StatusCode: 412, PreconditionFailed']
}
const errorFor = (services, random) => pick([...ERRORS[services.at(-1)], ...ERRORS.any], random)

/**
 * Every object of the history, run by run: for each run its deployment records and index
 * entries (as the audit observer writes them when a deployment finishes), then the run
 * record and the run's rollup. Also the counts the report must find.
 */
function history(m, now, runs, fleetSize) {
  const random = prng(20261126)
  const deployments = fleet(fleetSize, random)
  const failing = new Map() // deployment id -> runs left in its current failure streak
  const expected = { total: 0, last30d: 0, succeeded30d: 0, objects: 0 }
  const objects = []
  // Runs spread over the year, the oldest 364 days ago, the newest two hours ago.
  const span = 364 * DAY - 2 * 3_600_000
  for (let n = 0; n < runs; n++) {
    const startedAt = new Date(now.getTime() - 364 * DAY + Math.round((span * n) / Math.max(1, runs - 1)))
    const command = n % 5 < 3 ? 'plan' : 'apply'
    const runId = `${startedAt.toISOString().replace(/[-:.]/g, '')}-${n.toString(16).padStart(6, '0')}`
    const run = { runId, command, destroy: false, runStartedAt: startedAt.toISOString(), binary: { path: '/usr/local/bin/tofu', name: 'tofu', version: '1.11.6' }, workers: 4, ci: { repository: 'acme/infrastructure', runId: String(9_000_000 + n), runAttempt: 1, actor: 'deployer', commit: randomHex(random), ref: command === 'apply' ? 'refs/heads/main' : `refs/pull/${1000 + n}/merge`, event: command === 'apply' ? 'push' : 'pull_request', ...(command === 'plan' ? { pullRequest: 1000 + n } : {}) } }
    const workerFree = [0, 0, 0, 0]
    const results = []
    const entries = []
    const recordKeys = {}
    for (const f of deployments) {
      const left = failing.get(f.d.id) ?? 0
      const roll = random()
      let status = 'succeeded'
      if (left > 0) {
        status = 'failed'
        failing.set(f.d.id, left - 1)
      } else if (roll < (f.flaky ? 0.06 : 0.012)) {
        status = 'failed'
        failing.set(f.d.id, Math.floor(random() * (f.flaky ? 4 : 2)))
      } else if (roll < 0.018) status = 'blocked'
      else if (roll < 0.02) status = 'timed-out'
      const counts = { create: random() < 0.2 ? 1 + Math.floor(random() * 4) : 0, update: random() < 0.4 ? 1 + Math.floor(random() * 3) : 0, delete: random() < 0.05 ? 1 : 0, replace: random() < 0.03 ? 1 : 0 }
      const hasChanges = counts.create + counts.update + counts.delete + counts.replace > 0
      const worker = workerFree.indexOf(Math.min(...workerFree))
      const start = new Date(startedAt.getTime() + workerFree[worker] + 500)
      const phases = {}
      const outputs = {}
      let t = start.getTime()
      const phase = (name, ms, exitCode = 0, text = '') => {
        phases[name] = { startedAt: new Date(t).toISOString(), durationMs: Math.round(ms), attempts: 1, exitCode }
        outputs[name] = `=== ${name} (attempt 1, exit ${exitCode}) ===\n${text}`
        t += Math.round(ms)
      }
      phase('init', 2_000 + random() * 6_000, 0, OUTPUT.init)
      const planFails = status === 'failed' && (command === 'plan' || random() < 0.5)
      const planMs = status === 'timed-out' ? 1_800_000 : f.planMs * (0.8 + random() * 0.5)
      phase('plan', planMs, planFails ? 1 : status === 'timed-out' ? null : hasChanges ? 2 : 0, planFails ? errorFor(f.d.services, random) : OUTPUT.plan(counts))
      let policy
      if (!planFails && status !== 'timed-out') {
        phase('show', 400 + random() * 1_200, 0, '')
        const deny = status === 'blocked' ? [DENIES[f.d.services[0]]] : []
        policy = { allowed: deny.length === 0, mode: 'enforce', denies: deny, warnings: [], waived: [], expiredWaivers: [], errors: [] }
        phase('policy', 250 + random() * 700, deny.length === 0 ? 0 : 1, '')
        if (command === 'apply' && status !== 'blocked' && hasChanges) phase('apply', f.applyMs * (0.7 + random() * 0.8), status === 'failed' ? 1 : 0, status === 'failed' ? errorFor(f.d.services, random) : OUTPUT.apply(counts))
      }
      const durationMs = t - start.getTime()
      workerFree[worker] += durationMs + 500
      const finishedAt = new Date(t)
      const error = status === 'failed' ? errorFor(f.d.services, random) : status === 'timed-out' ? 'plan timed out after 30 minutes; the process tree was ended' : status === 'blocked' ? `blocked by policy: 1 deny (${DENIES[f.d.services[0]].id})` : undefined
      const applied = command === 'apply' ? status === 'succeeded' && hasChanges : undefined
      const result = { id: f.d.id, name: f.d.name, services: f.d.services, stateKey: f.d.stateKey, reasons: [f.reason], status, hasChanges, applied, counts, phases, attempts: Object.keys(phases).length, retries: [], workerId: worker, startedAt: start.toISOString(), durationMs, stateBytes: 4_000 + Math.floor(random() * 40_000), error, policy }
      const record = m.buildAuditRecord({ result, deployment: { ...f.d, reasons: [f.reason] }, run, outputs, finishedAt, parallelDeployments: 4, backupKey: applied ? `backups/${f.d.stateKey}.${keyTs(m, start)}.backup` : undefined })
      const key = m.auditRecordKey({ account: f.d.account, project: f.d.project, action: record.action, at: finishedAt, runId, deploymentId: f.d.id })
      const entry = m.indexEntryFrom(record, key)
      recordKeys[f.d.id] = key
      objects.push([key, record], [m.indexEntryKey(startedAt, runId, f.d.id), entry])
      results.push(result)
      entries.push(entry)
      expected.total++
      if (finishedAt.getTime() > now.getTime() - 30 * DAY) {
        expected.last30d++
        if (status === 'succeeded') expected.succeeded30d++
      }
    }
    const count = (st) => results.filter((r) => r.status === st).length
    const applied = results.filter((r) => command === 'plan' || r.applied)
    const sum = (k) => applied.reduce((a, r) => a + r.counts[k], 0)
    const durationMs = Math.max(...workerFree)
    const summary = {
      runId, command, destroy: false, binary: run.binary, startedAt: startedAt.toISOString(), finishedAt: new Date(startedAt.getTime() + durationMs).toISOString(), durationMs, workers: 4,
      executionLevels: [deployments.map((f) => f.d.id)], parallelDeployments: 4, cancelled: false,
      totals: { deployments: results.length, succeeded: count('succeeded'), failed: count('failed'), blocked: count('blocked'), timedOut: count('timed-out'), cancelled: 0, skipped: 0, created: sum('create'), changed: sum('update'), destroyed: sum('delete'), replaced: sum('replace') },
      deployments: results
    }
    objects.push(
      [m.runRecordKey({ action: m.auditAction(command, false), at: startedAt, runId }), m.buildRunRecord(summary, recordKeys, run.ci)],
      [m.runIndexKey(startedAt, runId), { schemaVersion: 1, runId, runStartedAt: startedAt.toISOString(), entries }]
    )
  }
  expected.objects = objects.length
  return { objects, expected }
}

const pick = (list, random) => list[Math.floor(random() * list.length)]
const randomHex = (random) => Array.from({ length: 40 }, () => Math.floor(random() * 16).toString(16)).join('')
const keyTs = (m, at) => m.keyTimestamp(at)

async function mapLimit(items, limit, fn) {
  const results = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * A proposal, measured beside the real reader: list each day folder with Delimiter '/',
 * so the listing returns the rollups and one common prefix per run instead of every single
 * entry too (a run folder would be listed only for a run without a rollup; here every run
 * has one). Same concurrency as readHistory (8 listings, 16 reads).
 */
async function readWithDelimiter(m, client, bucket, now, sinceMs) {
  const t0 = performance.now()
  const listed = await mapLimit(m.indexDays(now, sinceMs), 8, async (day) => {
    const keys = []
    let token
    do {
      const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: m.indexDayPrefix(day), Delimiter: '/', ContinuationToken: token }))
      for (const o of out.Contents ?? []) keys.push(o.Key)
      token = out.NextContinuationToken
    } while (token)
    return keys
  })
  const t1 = performance.now()
  const rollups = listed.flat().filter((k) => m.parseIndexKey(k)?.deploymentId === undefined)
  const counts = await mapLimit(rollups, 16, async (key) => {
    const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
    return JSON.parse(await out.Body.transformToString()).entries.length
  })
  return { entries: counts.reduce((a, b) => a + b, 0), listMs: t1 - t0, readMs: performance.now() - t1 }
}

// ---------------------------------------------------------------------------------------------

/** The CLI a user runs: dist/cli.js when it has the report command, else the transpiled src/cli.ts. */
function cliEntry(src) {
  const dist = join(root, 'dist', 'cli.js')
  if (existsSync(dist) && spawnSync(process.execPath, [dist, 'report', '--help'], { encoding: 'utf8' }).stdout.includes('--since')) return { path: dist, name: 'dist/cli.js' }
  return { path: join(src, 'src', 'cli.js'), name: 'src/cli.ts (transpiled; dist/cli.js has no report command yet)' }
}

function timeReport(cli, dir, env, ...args) {
  const started = performance.now()
  const r = spawnSync(process.execPath, [cli.path, 'report', '-w', dir, ...args], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 })
  const ms = performance.now() - started
  if (r.status !== 0) throw new Error(`report ${args.join(' ')} exited ${r.status}:\n${r.stderr}`)
  return { ms, out: r.stdout, err: r.stderr }
}

const src = transpileSources()
const minio = await startMinio()
const work = mkdtempSync(join(tmpdir(), 'tforch-bench-audit-'))
let ok = false
try {
  const m = {
    ...(await import(pathToFileURL(join(src, 'src/audit/audit-keys.js')).href)),
    ...(await import(pathToFileURL(join(src, 'src/audit/audit-record.js')).href)),
    ...(await import(pathToFileURL(join(src, 'src/audit/history-index.js')).href))
  }
  const { s3ObjectStore } = await import(pathToFileURL(join(src, 'src/state/io/s3-object-store.js')).href)
  const { readHistory } = await import(pathToFileURL(join(src, 'src/audit/io/read-history.js')).href)
  const { computeFleetReport } = await import(pathToFileURL(join(src, 'src/audit/fleet-report.js')).href)
  const { objectStoreOf } = await import(pathToFileURL(join(src, 'src/cli/object-store-of.js')).href)

  const bucket = 'fleet-state'
  const credentials = { accessKeyId: minio.accessKeyId, secretAccessKey: minio.secretAccessKey }
  const client = new S3Client({ endpoint: minio.endpoint, region: minio.region, forcePathStyle: true, credentials, maxAttempts: 5 })
  await client.send(new CreateBucketCommand({ Bucket: bucket }))
  const store = s3ObjectStore(client, { bucket, encryption: { kind: 'aws:kms', keyId: minio.kmsKeyName } })

  const now = new Date()
  const { objects, expected } = history(m, now, RUNS, FLEET)
  console.log(`Audit report: ${expected.total.toLocaleString('en')} deployment records (${RUNS} runs x ${FLEET} deployments over 365 days) against MinIO, ${cpus().length} cores / ${Math.round(totalmem() / 2 ** 30)} GiB (load average ${loadavg()[0].toFixed(1)}), node ${process.version}`)
  const writeStarted = performance.now()
  let bytes = 0
  await mapLimit(objects, PUT_CONCURRENCY, async ([key, body]) => {
    const text = `${JSON.stringify(body, null, 2)}\n`
    bytes += text.length
    await store.put(key, text, { ifNoneMatch: true, contentType: 'application/json' })
  })
  const writeMs = performance.now() - writeStarted
  console.log(`  wrote ${objects.length.toLocaleString('en')} objects (${(bytes / 2 ** 20).toFixed(0)} MiB, create-only, SSE-KMS), ${PUT_CONCURRENCY} at a time: ${s(writeMs)} (${Math.round(objects.length / (writeMs / 1000))} puts/s; setup, not timed)`)

  // The working directory a user would run `report` in: only its configuration.
  writeFileSync(
    join(work, '.tf-orchestrator.yml'),
    ['state:', '  type: s3', `  bucket: ${bucket}`, `  region: ${minio.region}`, `  endpoint: ${minio.endpoint}`, '  use_path_style: true', `  kms_key_id: ${minio.kmsKeyName}`, ''].join('\n')
  )
  const env = { ...process.env, AWS_ACCESS_KEY_ID: minio.accessKeyId, AWS_SECRET_ACCESS_KEY: minio.secretAccessKey, AWS_REGION: minio.region, NO_COLOR: '1' }
  delete env.AWS_PROFILE
  delete env.AWS_SESSION_TOKEN

  // Where the time goes, in this process (the same calls the command makes).
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: minio.accessKeyId, AWS_SECRET_ACCESS_KEY: minio.secretAccessKey, AWS_REGION: minio.region })
  const configured = await objectStoreOf({ workingDir: work })
  // readHistory lists every day folder first, then reads the objects: the span of each kind of call is its phase.
  const span = () => ({ calls: 0, first: Infinity, last: 0 })
  const calls = { list: span(), get: span() }
  const timedCall = (kind, fn) => async (arg) => {
    const c = calls[kind]
    c.calls++
    c.first = Math.min(c.first, performance.now())
    try {
      return await fn(arg)
    } finally {
      c.last = performance.now()
    }
  }
  const timed = { ...configured, list: timedCall('list', configured.list), get: timedCall('get', configured.get) }
  const t0 = performance.now()
  const read = await readHistory(timed, new Date(), 365 * DAY)
  const t1 = performance.now()
  const report = computeFleetReport(read.entries, new Date(), 365 * DAY)
  const t2 = performance.now()
  console.log(`  in process, --since 365d: read ${read.entries.length.toLocaleString('en')} entries in ${s(t1 - t0)}: ${calls.list.calls} day listings ${s(calls.list.last - calls.list.first)}, ${calls.get.calls} rollups read ${s(calls.get.last - calls.get.first)}; report computed in ${Math.round(t2 - t1)} ms`)
  const proposal = await readWithDelimiter(m, client, bucket, new Date(), 365 * DAY)
  console.log(`  proposal (day listings with Delimiter '/'), --since 365d: ${proposal.entries.toLocaleString('en')} entries, listings ${s(proposal.listMs)}, reads ${s(proposal.readMs)}`)
  if (read.entries.length !== expected.total) throw new Error(`read ${read.entries.length} entries, wrote ${expected.total}`)
  if (report.windows.at(-1).deployments !== expected.total) throw new Error(`365d window counts ${report.windows.at(-1).deployments}, expected ${expected.total}`)

  // The command as a user runs it (a new Node process, configuration loaded, S3 client built).
  const cli = cliEntry(src)
  console.log(`  report command: node ${cli.name}`)
  // Markdown twice, then --json (timed as well: the same reads).
  const year = [timeReport(cli, work, env, '--since', '365d'), timeReport(cli, work, env, '--since', '365d'), timeReport(cli, work, env, '--since', '365d', '--json')]
  const yearJson = JSON.parse(year[2].out)
  const month = [timeReport(cli, work, env, '--since', '30d'), timeReport(cli, work, env, '--since', '30d'), timeReport(cli, work, env, '--since', '30d', '--json')]
  const monthJson = JSON.parse(month[2].out)
  const last = (r) => r.windows.at(-1)
  if (last(yearJson).deployments !== expected.total) throw new Error(`report --since 365d counted ${last(yearJson).deployments} records, expected ${expected.total}`)
  if (last(monthJson).deployments !== expected.last30d || last(monthJson).succeeded !== expected.succeeded30d) throw new Error(`report --since 30d counted ${last(monthJson).deployments}/${last(monthJson).succeeded}, expected ${expected.last30d}/${expected.succeeded30d}`)
  if (month[0].out.indexOf('## Fleet report (last 30d') !== 0) throw new Error(`unexpected Markdown:\n${month[0].out.slice(0, 500)}`)
  const worst = Math.max(...year.map((r) => r.ms))
  const pct = (r) => `${(r * 100).toFixed(1)}%`
  console.log(`  report --since 365d (${last(yearJson).deployments.toLocaleString('en')} records, success ${pct(last(yearJson).successRate)}, MTTR ${(yearJson.mttr.meanMs / 3_600_000).toFixed(1)} h over ${yearJson.mttr.recoveries.length} recoveries): ${year.map((r) => s(r.ms)).join(', ')}`)
  console.log(`  report --since 30d  (${last(monthJson).deployments.toLocaleString('en')} records, success ${pct(last(monthJson).successRate)}): ${month.map((r) => s(r.ms)).join(', ')}`)
  console.log(`  slowest --since 365d: ${s(worst)} (target < ${s(TARGET_MS)}); load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`)
  if (markdownOut) writeFileSync(markdownOut, month[0].out)
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(monthJson, null, 2)}\n`)
  ok = worst < TARGET_MS
  console.log(`\n${ok ? 'target met' : 'TARGET MISSED'}`)
  client.destroy()
} finally {
  // Removing MinIO's data (some 100,000 files for the full history) takes a while on a busy disk.
  console.log('(stopping MinIO and removing its data)')
  await minio.stop()
  rmSync(work, { recursive: true, force: true })
  rmSync(src, { recursive: true, force: true })
}
// The S3 clients' keep-alive sockets would otherwise hold the process open.
process.exit(ok ? 0 : 1)
