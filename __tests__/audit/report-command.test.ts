import { CommanderError } from 'commander'
import { indexEntryKey, runIndexKey } from '../../src/audit/audit-keys.js'
import { indexEntryFrom, type IndexEntry, type RunIndex } from '../../src/audit/history-index.js'
import { buildAuditRecord } from '../../src/audit/audit-record.js'
import { readHistory } from '../../src/audit/io/read-history.js'
import { computeFleetReport } from '../../src/audit/fleet-report.js'
import { parseSince } from '../../src/audit/report-window.js'
import { reportCommand } from '../../src/cli/report-command.js'
import { BINARY, deployment, resultOf } from './fixtures.js'
import { MemoryObjectStore } from './memory-object-store.js'

const DAY = 86_400_000
const now = new Date('2026-11-30T12:00:00Z')

/** A run's rollup of `count` deployments, all finished `daysAgo` before now; every seventh fails. */
function runIndex(runNo: number, daysAgo: number, count: number): { key: string; index: RunIndex } {
  const startedAt = new Date(now.getTime() - daysAgo * DAY - 3_600_000)
  const runId = `run-${String(runNo).padStart(5, '0')}`
  const entries: IndexEntry[] = Array.from({ length: count }, (_, i) => {
    const d = deployment('s3', `acct-${i % 10}`, 'us-east-1', `proj-${i}`)
    const finished = new Date(startedAt.getTime() + 60_000 + i * 1000)
    const r = resultOf(d, { status: (runNo + i) % 7 === 0 ? 'failed' : 'succeeded', startedAt: new Date(finished.getTime() - 10_000).toISOString(), durationMs: 10_000, phases: { init: { durationMs: 3000, attempts: 1 }, plan: { durationMs: 7000, attempts: 1 } } })
    const run = { runId, command: 'plan' as const, destroy: false, runStartedAt: startedAt.toISOString(), binary: BINARY, workers: 4 }
    return indexEntryFrom(buildAuditRecord({ result: r, deployment: d, run, outputs: {}, finishedAt: finished, parallelDeployments: 1 }), `audit-logs/x/${runId}/${i}`)
  })
  return { key: runIndexKey(startedAt, runId), index: { schemaVersion: 1, runId, runStartedAt: startedAt.toISOString(), entries } }
}

async function report(store: MemoryObjectStore, ...args: string[]): Promise<{ out: string; err: string; error?: unknown }> {
  let out = ''
  let err = ''
  const output = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) }
  const command = reportCommand(output, async () => store, () => now).exitOverride().configureOutput({ writeErr: (t) => void (err += t), writeOut: (t) => void (out += t) })
  try {
    await command.parseAsync(args, { from: 'user' })
    return { out, err }
  } catch (error) {
    return { out, err, error }
  }
}

describe('report command', () => {
  const store = new MemoryObjectStore()
  beforeAll(async () => {
    for (const [n, daysAgo] of [[1, 0], [2, 3], [3, 20], [4, 45]] as const) {
      const { key, index } = runIndex(n, daysAgo, 14)
      await store.put(key, JSON.stringify(index))
    }
  })

  it('prints Markdown for the default 30 days', async () => {
    const { out, error } = await report(store)
    expect(error).toBeUndefined()
    expect(out).toContain('## Fleet report (last 30d')
    // Runs 1-3 (42 deployments), 6 failures: (runNo + i) % 7 === 0 twice per run.
    expect(out).toContain('| Last 24h | 14 | 12 | 2 |')
    expect(out).toContain('| Last 30d | 42 | 36 | 6 |')
  })

  it('prints JSON with --json, limited by --since', async () => {
    const { out } = await report(store, '--since', '7d', '--json')
    const parsed = JSON.parse(out) as { since: string; windows: { window: string; deployments: number }[] }
    expect(parsed.since).toBe('7d')
    expect(parsed.windows.map((w) => [w.window, w.deployments])).toEqual([['24h', 14], ['7d', 28]])
  })

  it.each(['30', '7 d', '-7d', '1.5d', '7w', '0d', 'd', '07d', '9999999d', '3651d'])('refuses --since %s', async (bad) => {
    const { out, err, error } = await report(store, '--since', bad)
    expect(error).toBeInstanceOf(CommanderError)
    expect((error as CommanderError).code).toBe('commander.invalidArgument')
    expect(err).toContain(`option '--since <duration>' argument '${bad}' is invalid. invalid duration`)
    expect(out).toBe('')
  })

  it('accepts hours and days', () => {
    expect([parseSince('24h'), parseSince('7d'), parseSince('90d'), parseSince('3650d')]).toEqual([DAY, 7 * DAY, 90 * DAY, 3650 * DAY])
  })
})

describe('a large history', () => {
  it('reads 20,000 records from 400 rollups over 30 days, one object per run', async () => {
    const store = new MemoryObjectStore()
    for (let n = 0; n < 400; n++) {
      const { key, index } = runIndex(n, (n % 30) + 0.01, 50)
      await store.put(key, JSON.stringify(index))
      // Single entries stay beside the rollup; the reader must not read them.
      if (n % 100 === 0) for (const e of index.entries) await store.put(indexEntryKey(new Date(index.runStartedAt), index.runId, e.deploymentId), JSON.stringify(e))
    }
    // Runs outside the window are never listed.
    await store.put(runIndex(9999, 60, 50).key, JSON.stringify(runIndex(9999, 60, 50).index))
    store.calls.get = 0
    const started = Date.now()
    const read = await readHistory(store, now, 30 * DAY)
    const result = computeFleetReport(read.entries, now, 30 * DAY)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(store.calls.get).toBe(400)
    expect(read.entries).toHaveLength(20_000)
    expect(result.windows.at(-1)?.deployments).toBe(20_000)
  })
})
