import { cpSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { loadWorkspace } from '../../src/app/load-workspace.js'
import type { RunSummary } from '../../src/model/run-result.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

const fleet = join(repoRoot, 'examples/aws-fleet')

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(args, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) })
  return { code, out, err }
}

/** The deployment ids a dry run would plan, and its levels. */
async function dryRun(...args: string[]): Promise<{ ids: string[]; levels: string[][] }> {
  const { code, out, err } = await cli('plan', '-w', fleet, '--dry-run', '--json', ...args)
  expect(err).not.toMatch(/error/i)
  expect(code).toBe(0)
  const plan = JSON.parse(out) as { deployments: { id: string }[]; levels: string[][] }
  return { ids: plan.deployments.map((d) => d.id), levels: plan.levels }
}

describe('plan --shard and --deployments on examples/aws-fleet', () => {
  it('three shards together plan exactly what `plan --all` plans, none twice, no dependency across shards', async () => {
    const whole = await dryRun('--all')
    expect(whole.ids).toHaveLength(19)
    const shards = [await dryRun('--all', '--shard', '1/3'), await dryRun('--all', '--shard', '2/3'), await dryRun('--all', '--shard', '3/3')]
    const union = shards.flatMap((s) => s.ids)
    expect(shards.every((s) => s.ids.length > 0)).toBe(true)
    expect(new Set(union).size).toBe(union.length)
    expect(union.sort()).toEqual([...whole.ids].sort())
    const shardOf = new Map(shards.flatMap((s, i) => s.ids.map((id) => [id, i] as const)))
    const ws = await loadWorkspace({ workingDir: fleet, all: true })
    let edges = 0
    for (const [id, deps] of ws.graph.dependencies) for (const dep of deps) edges += Number(shardOf.get(dep) === shardOf.get(id))
    expect(edges).toBe([...ws.graph.dependencies.values()].reduce((n, d) => n + d.size, 0))
    expect(edges).toBeGreaterThan(0)
  })

  it('takes a shard of the matrix as --deployments, in dependency order', async () => {
    const { out } = await cli('matrix', '-w', fleet, '--shards', '3')
    const doc = JSON.parse(out) as { matrix: { include: { shard: number; deployments: string[] }[] } }
    for (const entry of doc.matrix.include) {
      const byShard = await dryRun('--all', '--shard', `${entry.shard}/3`)
      const byIds = await dryRun('--deployments', entry.deployments.join(','))
      expect(byIds.ids.sort()).toEqual(entry.deployments)
      expect(byIds.levels).toEqual(byShard.levels)
    }
  })

  it('within a change selection, refuses ids outside it and a share that cuts a dependency', async () => {
    const changed = join(fleet, 'deployments/acme-dev/us-east-1/KMS/platform-keys/platform-keys.tfvars')
    const s3 = 's3/acme-dev/us-east-1/payments-data'
    const ws = await loadWorkspace({ workingDir: fleet, all: true })
    expect(ws.selection.selected.some((d) => d.id === s3)).toBe(true)
    const outside = await cli('plan', '-w', fleet, '--dry-run', '--changed-files', changed, '--deployments', s3)
    expect(outside.code).toBe(2)
    expect(outside.err).toContain(`not in the selection: ${s3}`)
    const root = join(fleet, 'main.tf')
    const cut = await cli('plan', '-w', fleet, '--dry-run', '--changed-files', root, '--deployments', s3)
    expect(cut.code).toBe(2)
    expect(cut.err).toMatch(/s3\/acme-dev\/us-east-1\/payments-data depends on \S+\/acme-dev\/us-east-1\/\S+, which another shard runs/)
  })

  it('refuses a shard that does not exist and --shard with --deployments', async () => {
    const beyond = await cli('plan', '-w', fleet, '--all', '--dry-run', '--shard', '4/3')
    expect(beyond.code).toBe(2)
    expect(beyond.err).toContain('--shard must look like n/total with 1 <= n <= total, got "4/3"')
    const both = await cli('plan', '-w', fleet, '--all', '--dry-run', '--shard', '1/3', '--deployments', 'x')
    expect(both.code).toBe(2)
    expect(both.err).toContain('--shard cannot be combined with --deployments')
  })

  it('a real plan of one shard runs and records exactly its deployments', async () => {
    const tmp = tempDir()
    try {
      cpSync(fleet, tmp.dir, { recursive: true, filter: (src) => !/[\\/]\.tf-orchestrator$/.test(src) })
      // The split depends on the recorded durations: the copy has none, unlike a demoed example.
      const expected = (await dryRun('-w', tmp.dir, '--all', '--shard', '2/3')).ids.sort()
      const { code, out, err } = await cli('plan', '-w', tmp.dir, '--all', '--shard', '2/3', '--json')
      expect(err).toContain(`${expected.length} deployments`)
      expect(code).toBe(0)
      const summary = JSON.parse(out) as RunSummary
      expect(summary.deployments.map((d) => d.id).sort()).toEqual(expected)
      expect(summary.totals.succeeded).toBe(expected.length)
      const file = /summary: (\S+)/.exec(err)?.[1] as string
      expect((JSON.parse(readFileSync(file, 'utf8')) as RunSummary).runId).toBe(summary.runId)
    } finally {
      tmp.cleanup()
    }
  })
})
