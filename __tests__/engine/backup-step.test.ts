import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { executeRun } from '../../src/engine/execute-run.js'
import { summaryFileObserver } from '../../src/engine/observers/summary-file-observer.js'
import type { RunSettings } from '../../src/engine/run-settings.js'
import type { SelectedDeployment } from '../../src/model/deployment.js'
import type { RunSummary } from '../../src/model/run-result.js'
import { localStateStore } from '../../src/state/io/local-state-store.js'
import { s3StateStore, type S3StateSettings } from '../../src/state/io/s3-state-store.js'
import type { BackupMode, StateStore } from '../../src/state/state-store.js'
import type { CommandResult, Executor } from '../../src/terraform/io/executor.js'
import { startMinio, type Minio } from '../helpers/minio.js'
import { iam, kms, s3, threeGraph } from '../helpers/deployments.js'

const graph = threeGraph()
const KMS_STATE = JSON.stringify({ version: 4, serial: 7, lineage: 'l', resources: [] })
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
const ok = (stdout = '', exitCode = 0): CommandResult => ({ exitCode, stdout, stderr: '', output: stdout, interrupted: false, durationMs: 1 })

/** A fake binary whose every plan has changes; records `id command`; `onShow` runs before show answers. */
function fakeExec(onPlan: () => Promise<void> = async () => undefined): { exec: Executor; calls: string[] } {
  const calls: string[] = []
  const exec: Executor = async (_tool, args, options) => {
    calls.push(`${(options.env.TF_DATA_DIR as string).split('/work/')[1] as string} ${args[0]}`)
    if (args[0] === 'plan') {
      await onPlan()
      return ok('', 2)
    }
    if (args[0] === 'show') return ok(JSON.stringify({ resource_changes: [{ address: 'terraform_data.x', change: { actions: ['create'] } }] }))
    return ok()
  }
  return { exec, calls }
}

let dir: string
let minio: Minio
let buckets = 0
beforeAll(async () => {
  minio = await startMinio()
})
afterAll(async () => {
  await minio?.stop()
})
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tforch-backup-'))))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function settings(): RunSettings {
  return {
    command: 'apply', destroy: false, workingDir: dir, binary: 'tofu', opaBinary: 'opa', workers: 2, timeoutMs: 60_000, graceMs: 100,
    retry: { maxAttempts: 1, initialDelayMs: 1, patterns: [] }, throttle: { windowMs: 0 }, workDir: join(dir, 'work'), runDir: join(dir, 'run'),
    runId: 'test', pluginCacheDir: join(dir, 'cache'), historyFile: join(dir, 'history.json'), debug: false, noColor: true, strategy: 'dag', env: {}
  }
}

const run = (store: StateStore, exec: Executor): Promise<RunSummary> =>
  executeRun({
    deployments: [kms, s3, iam], graph, levels: [[iam.id, kms.id], [s3.id]], settings: settings(),
    binary: { path: 'tofu', name: 'opentofu', version: '1.11.6' }, exec, store, observers: [summaryFileObserver(join(dir, 'run'))],
    onObserverError: (name, e) => { throw new Error(`${name}: ${String(e)}`) }, cancel: new AbortController().signal
  })
const resultOf = (summary: RunSummary, d: SelectedDeployment) => summary.deployments.find((r) => r.id === d.id)

/** An S3 store on a new MinIO bucket; `kmsKey` "no-such-key" makes every encrypted write fail for real. */
async function s3Store(mode: BackupMode, kmsKey = minio.kmsKeyName, server = minio): Promise<StateStore & { objects: NonNullable<StateStore['objects']> }> {
  const bucket = `backup-step-${++buckets}`
  await server.createBucket(bucket)
  const config: S3StateSettings = { bucket, region: server.region, key_prefix: 'org/', endpoint: server.endpoint, use_path_style: true, use_lockfile: true, encrypt: true }
  // The state is written first with a working key; the store under test may then have a broken one.
  const good = s3StateStore({ ...config, kms_key_id: server.kmsKeyName }, server.client)
  await good.objects.put(kms.stateKey, KMS_STATE)
  if (kmsKey === server.kmsKeyName) return { ...good, backupMode: mode }
  // Only the backup's copy goes through the broken key: the run lock and the reads still work.
  const broken = s3StateStore({ ...config, kms_key_id: kmsKey }, server.client)
  return { ...good, objects: { ...good.objects, copy: broken.objects.copy }, backupMode: mode }
}

describe('the backup step before apply', () => {
  it('records no-previous-state for a new deployment and applies (local store)', async () => {
    const { exec, calls } = fakeExec()
    const summary = await run(localStateStore(join(dir, 'state')), exec)
    expect(summary.deployments.map((r) => [r.status, r.backup])).toEqual([0, 1, 2].map(() => ['succeeded', { status: 'no-previous-state' }]))
    expect(calls.filter((c) => c.endsWith(' apply'))).toHaveLength(3)
  })

  it('copies the state to backups/{key}.{time}.backup, verified, and puts key, size and sha256 in summary.json (local store)', async () => {
    const store = localStateStore(join(dir, 'state'))
    await store.objects.put(kms.stateKey, KMS_STATE)
    const summary = await run(store, fakeExec().exec)
    const backup = resultOf(summary, kms)?.backup
    expect(backup).toEqual({ status: 'backed-up', key: expect.stringMatching(/^backups\/kms\/acct\/us-east-1\/keys\/terraform\.tfstate\.\d{8}T\d{6}Z\.backup$/), size: KMS_STATE.length, sha256: sha256(KMS_STATE) })
    expect(readFileSync(join(dir, 'state', ...(backup?.key as string).split('/')), 'utf8')).toBe(KMS_STATE)
    const written = JSON.parse(readFileSync(join(dir, 'run', 'summary.json'), 'utf8')) as RunSummary
    expect(resultOf(written, kms)?.backup).toEqual(backup)
  })

  it('writes an SSE-KMS backup to S3 (MinIO) whose HeadObject reports the encryption', async () => {
    const store = await s3Store('required')
    const summary = await run(store, fakeExec().exec)
    const backup = resultOf(summary, kms)?.backup
    expect(backup).toMatchObject({ status: 'backed-up', size: KMS_STATE.length, sha256: sha256(KMS_STATE) })
    expect(await store.objects.head(backup?.key as string)).toMatchObject({ encryption: 'aws:kms', kmsKeyId: expect.stringContaining(minio.kmsKeyName) })
  })

  it('required: a backup that cannot be made blocks that apply, skips its dependents, and the others go on', async () => {
    const { exec, calls } = fakeExec()
    const summary = await run(await s3Store('required', 'no-such-key'), exec)
    expect(resultOf(summary, kms)).toMatchObject({
      status: 'blocked',
      error: expect.stringMatching(/^state backup of s3:\/\/backup-step-\d+\/org\/kms\/acct\/us-east-1\/keys\/terraform\.tfstate failed, apply not run \(backup: required\): cannot back up /),
      backup: { status: 'failed', error: expect.stringContaining('cannot back up') }
    })
    expect(resultOf(summary, s3)).toMatchObject({ status: 'skipped', skippedBecause: kms.id })
    // The independent deployment (no state yet, nothing to copy) applies.
    expect(resultOf(summary, iam)).toMatchObject({ status: 'succeeded', applied: true, backup: { status: 'no-previous-state' } })
    expect(calls.filter((c) => c.endsWith(' apply'))).toEqual([`${iam.id} apply`])
  })

  it('best-effort: the failed backup is recorded and the apply goes on', async () => {
    const summary = await run(await s3Store('best-effort', 'no-such-key'), fakeExec().exec)
    expect(resultOf(summary, kms)).toMatchObject({ status: 'succeeded', applied: true, backup: { status: 'failed', error: expect.stringContaining('cannot back up') } })
    expect(resultOf(summary, s3)?.status).toBe('succeeded')
  })

  it('off: no backup is taken, the result says skipped', async () => {
    const store = await s3Store('off')
    const summary = await run(store, fakeExec().exec)
    expect(summary.deployments.map((r) => r.backup)).toEqual([0, 1, 2].map(() => ({ status: 'skipped' })))
    expect(await store.objects.list('backups/')).toEqual([])
  })

  it('MinIO stopped before the backup step: no apply runs, every deployment is blocked or skipped with the reason', async () => {
    const own = await startMinio()
    try {
      const store = await s3Store('required', own.kmsKeyName, own)
      // Both deployments of the first level wait at the end of their plan until MinIO is stopped: nothing of
      // theirs touches S3 between there and the backup step (show runs beside the backup, with no policy gate).
      let planned = 0
      let release: () => void = () => undefined
      const bothPlanned = new Promise<void>((resolve) => (release = resolve))
      const { exec, calls } = fakeExec(async () => {
        if (++planned === 2) await own.stop().then(release)
        await bothPlanned
      })
      const summary = await run(store, exec)
      expect(calls.filter((c) => c.endsWith(' apply'))).toEqual([])
      for (const d of [kms, iam]) expect(resultOf(summary, d)).toMatchObject({ status: 'blocked', error: expect.stringContaining('failed, apply not run (backup: required)') })
      expect(resultOf(summary, s3)?.status).toBe('skipped')
      expect(summary.totals).toMatchObject({ succeeded: 0, blocked: 2, skipped: 1 })
    } finally {
      await own.stop()
    }
  })
})
