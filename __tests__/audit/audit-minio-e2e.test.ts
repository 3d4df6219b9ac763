import { HeadObjectCommand } from '@aws-sdk/client-s3'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { computeFleetReport } from '../../src/audit/fleet-report.js'
import { readHistory } from '../../src/audit/io/read-history.js'
import { readEnvironment } from '../../src/app/environment.js'
import { loadWorkspace } from '../../src/app/load-workspace.js'
import { runSettings } from '../../src/app/resolve-run-settings.js'
import { parseRunRequest } from '../../src/app/run-request.js'
import { startRun } from '../../src/app/start-run.js'
import { storesFor } from '../../src/state/io/state-store-for.js'
import { ObjectExistsError } from '../../src/state/object-store.js'
import { startMinio, type Minio } from '../helpers/minio.js'
import { repoRoot } from '../helpers/temp-dir.js'

/** The aws-fleet example with its state and audit trail in MinIO (real OpenTofu, real MinIO). */
describe('audit trail of an apply against MinIO', () => {
  let minio: Minio
  let dir: string
  const saved = { ...process.env }
  beforeAll(async () => {
    minio = await startMinio()
    await minio.createBucket('fleet-state')
    dir = mkdtempSync(join(tmpdir(), 'tforch-audit-e2e-'))
    cpSync(join(repoRoot, 'examples/aws-fleet'), dir, { recursive: true, filter: (src) => !src.includes('.tf-orchestrator/') })
    writeFileSync(join(dir, 'versions.tf'), readFileSync(join(dir, 'versions.tf'), 'utf8').replace('backend "local" {}', 'backend "s3" {}'))
    writeFileSync(
      join(dir, '.tf-orchestrator.yml'),
      [
        'policies: { mode: enforce, paths: [policy] }',
        'state:',
        '  type: s3',
        '  bucket: fleet-state',
        `  region: ${minio.region}`,
        `  endpoint: ${minio.endpoint}`,
        '  use_path_style: true',
        `  kms_key_id: ${minio.kmsKeyName}`,
        ''
      ].join('\n')
    )
    // Our own S3 client and OpenTofu's backend both read the default credentials chain.
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: minio.accessKeyId, AWS_SECRET_ACCESS_KEY: minio.secretAccessKey, AWS_REGION: minio.region })
  })
  afterAll(async () => {
    process.env = saved
    await minio?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('writes one encrypted, create-only record per deployment with the full plan and apply output', async () => {
    const request = parseRunRequest({ command: 'apply', workingDir: dir, all: 'true' }, 'cli')
    const ws = await loadWorkspace({ ...request.selection, requireDeployments: true })
    const env = readEnvironment(process.env, false)
    const settings = runSettings(ws.workingDir, ws.config, 'apply', request.run, env)
    const warnings: string[] = []
    const summary = await startRun(ws, settings, { observers: [], cancel: new AbortController().signal, warn: (m) => void warnings.push(m) })
    expect(summary.totals.deployments).toBe(19)
    const { objects } = storesFor(ws.workingDir, ws.config)
    const records = (await objects.list('audit-logs/')).filter((o) => !o.key.startsWith('audit-logs/_'))
    expect(warnings).toEqual([])
    expect(records).toHaveLength(summary.deployments.length)
    for (const r of summary.deployments) {
      const d = ws.selection.selected.find((x) => x.id === r.id)
      const prefix = `audit-logs/${d?.account}/${d?.project}/apply-`
      const record = records.find((o) => o.key.startsWith(prefix) && o.key.includes(summary.runId) && o.key.endsWith(`${r.id.replace(/\//g, '~')}.json`))
      expect(record).toBeDefined()
      const head = await minio.client.send(new HeadObjectCommand({ Bucket: 'fleet-state', Key: (record as { key: string }).key }))
      expect(head.ServerSideEncryption).toBe('aws:kms')
      const body = JSON.parse(Buffer.from((await objects.get((record as { key: string }).key)) as Uint8Array).toString('utf8'))
      expect(body.status).toBe(r.status)
      expect(body.deployment.stateKey).toBe(r.stateKey)
      if (r.applied) {
        expect(JSON.stringify(body)).toMatch(/Apply complete! Resources: \d+ added/)
        expect(JSON.stringify(body)).toMatch(/Plan: \d+ to add/)
      }
    }
    // The record is the truth: never overwritten.
    const first = records[0] as { key: string }
    await expect(objects.put(first.key, '{}', { ifNoneMatch: true })).rejects.toBeInstanceOf(ObjectExistsError)
    // The report reads the run back and agrees with summary.json.
    const history = await readHistory(objects, new Date(), 24 * 3600_000)
    const report = computeFleetReport(history.entries, new Date(), 24 * 3600_000)
    expect(report.windows[0]).toMatchObject({ deployments: summary.totals.deployments, succeeded: summary.totals.succeeded, created: summary.totals.created })
  })
})
