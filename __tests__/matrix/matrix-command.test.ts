import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { loadWorkspace } from '../../src/app/load-workspace.js'
import { matrixCommand } from '../../src/cli/matrix-command.js'
import type { Output } from '../../src/cli/output.js'
import type { MatrixDocument } from '../../src/matrix/matrix-output.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

const fleet = join(repoRoot, 'examples/aws-fleet')

/** Runs `matrix` in-process; returns every stdout write and the stderr text. */
async function matrix(...args: string[]): Promise<{ writes: string[]; err: string }> {
  const writes: string[] = []
  let err = ''
  const output: Output = { out: (t) => void writes.push(t), err: (t) => void (err += `${t}\n`) }
  await matrixCommand(output).exitOverride().parseAsync(args, { from: 'user' })
  return { writes, err }
}

async function listAll(dir: string): Promise<string[]> {
  let out = ''
  const code = await runCli(['list', '-w', dir, '--all', '--json'], { out: (t) => void (out += t), err: () => undefined })
  expect(code).toBe(0)
  return (JSON.parse(out) as { deployments: { id: string }[] }).deployments.map((d) => d.id).sort()
}

describe('matrix command on examples/aws-fleet', () => {
  it('prints one JSON document whose shards together are exactly `list --all`', async () => {
    const { writes } = await matrix('-w', fleet, '--all', '--workers', '3')
    expect(writes).toHaveLength(1)
    const doc = JSON.parse(writes[0] as string) as MatrixDocument
    const ids = doc.matrix.include.flatMap((e) => e.deployments)
    expect(ids.sort()).toEqual(await listAll(fleet))
    expect(ids).toHaveLength(19)
    // Per account and region (3 x 2): kms with the s3 that needs it, and iam, which nothing here needs, alone.
    expect(doc.components).toBe(12)
    expect(doc.matrix.include.map((e) => e.shard)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
    expect(doc.workers).toBe(3)
    for (const e of doc.matrix.include) expect(new Set(e.deployments.map((id) => id.split('/').slice(1, 3).join('/'))).size).toBe(1)
    const shardOf = new Map(doc.matrix.include.flatMap((e) => e.deployments.map((id) => [id, e.shard] as const)))
    const ws = await loadWorkspace({ workingDir: fleet, all: true })
    for (const [id, deps] of ws.graph.dependencies) for (const dep of deps) expect(shardOf.get(dep)).toBe(shardOf.get(id))
    expect(ws.graph.dependencies.get('s3/acme-dev/us-east-1/payments-data')?.size).toBeGreaterThan(0)
  })

  it('is registered as `tf-orchestrator matrix`, giving the same document', async () => {
    let out = ''
    const code = await runCli(['matrix', '-w', fleet, '--workers', '3'], { out: (t) => void (out += t), err: () => undefined })
    expect(code).toBe(0)
    expect(JSON.parse(out)).toEqual(JSON.parse((await matrix('-w', fleet, '--workers', '3')).writes[0] as string))
  })

  it('reads recorded durations from .tf-orchestrator/history.json and honours --shards', async () => {
    const tmp = tempDir()
    try {
      cpSync(fleet, tmp.dir, { recursive: true, filter: (src) => !src.includes('.tf-orchestrator/') && !src.endsWith('.tf-orchestrator') })
      const ids = await listAll(tmp.dir)
      const slow = ids.find((id) => id.startsWith('s3/acme-prd/')) as string
      tmp.write('.tf-orchestrator/history.json', JSON.stringify({ [slow]: 900_000 }))
      const doc = JSON.parse((await matrix('-w', tmp.dir, '--shards', '4', '--workers', '2')).writes[0] as string) as MatrixDocument
      expect(doc.shards).toBe(4)
      expect(doc.matrix.include.every((e) => e.total === 4)).toBe(true)
      const withSlow = doc.matrix.include.find((e) => e.deployments.includes(slow))
      expect(withSlow?.expected_makespan_seconds).toBeGreaterThanOrEqual(900)
      expect(doc.expected_makespan_seconds).toBe(withSlow?.expected_makespan_seconds)
      expect(doc.matrix.include.flatMap((e) => e.deployments).sort()).toEqual(ids)
    } finally {
      tmp.cleanup()
    }
  })

  it('rejects a --shards that is not a whole number of at least 1, and a contradictory selection', async () => {
    await expect(matrix('-w', fleet, '--shards', '0')).rejects.toThrow('--shards must be a whole number of at least 1, got "0"')
    await expect(matrix('-w', fleet, '--workers', '2.5')).rejects.toThrow('--workers must be a whole number of at least 1, got "2.5"')
    await expect(matrix('-w', fleet, '--base-ref', 'main', '--changed-files', 'x')).rejects.toThrow('--base-ref cannot be combined with --changed-files')
  })

  it('selects like list: --changed-files gives only the affected deployments', async () => {
    const file = join(fleet, 'deployments/acme-dev/eu-west-1/KMS/platform-keys/platform-keys.tfvars')
    const doc = JSON.parse((await matrix('-w', fleet, '--changed-files', file)).writes[0] as string) as MatrixDocument
    expect(doc.matrix.include.map((e) => [e.shard, e.total, e.deployments, e.count])).toEqual([[1, 1, ['kms/acme-dev/eu-west-1/platform-keys'], 1]])
  })
})
