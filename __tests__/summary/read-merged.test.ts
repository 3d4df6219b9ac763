import { prCommentObserver } from '../../src/github/io/pr-comment-observer.js'
import { RedactionBook } from '../../src/github/io/redaction-book.js'
import type { RunSummary } from '../../src/model/run-result.js'
import { readMergedSummary } from '../../src/action/merge-summaries.js'
import { startFakeGitHub } from '../helpers/fake-github.js'
import { testClient } from '../helpers/github-test-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import { awsFleetRun } from '../render/fleet-fixture.js'

const fileName = (id: string): string => `${id.replace(/\//g, '__')}.log`
const planLog = (id: string): string => `\n=== init (attempt 1, exit 0) ===\nok\n=== plan (attempt 1, exit 2) ===\n  # terraform_data.${id.split('/')[3]} will be created\nPlan: 1 to add, 0 to change, 0 to destroy.\n`

/** Two shard artifacts as the merge job downloads them: the artifact observer's layout, and a copied run folder. */
function downloaded(): { dir: string; cleanup: () => void; ids: [string[], string[]] } {
  const fleet = awsFleetRun().summary
  const half = Math.ceil(fleet.deployments.length / 2)
  const a: RunSummary = { ...fleet, runId: 'run-a', deployments: fleet.deployments.slice(0, half).map((d) => ({ ...d, logFile: `/gone/${fileName(d.id)}` })) }
  const b: RunSummary = { ...fleet, runId: 'run-b', deployments: fleet.deployments.slice(half) }
  const tmp = tempDir({ 'tf-orchestrator-plan-a/summary.json': JSON.stringify(a), 'shard-2/summary.json': JSON.stringify(b) })
  for (const d of a.deployments) tmp.write(`tf-orchestrator-plan-a/${fileName(d.id)}`, planLog(d.id))
  for (const d of b.deployments) tmp.write(`shard-2/logs/${fileName(d.id)}`, planLog(d.id))
  return { ...tmp, ids: [a.deployments.map((d) => d.id), b.deployments.map((d) => d.id)] }
}

describe('readMergedSummary (the merge job reading downloaded artifacts)', () => {
  it('merges every summary.json below the folder and finds each deployment log in its artifact', async () => {
    const art = downloaded()
    try {
      const merged = await readMergedSummary(art.dir, 'merge-1')
      expect(merged.shards).toBe(2)
      expect(merged.deployments.map((d) => d.id).sort()).toEqual([...art.ids[0], ...art.ids[1]].sort())
      expect(merged.totals).toEqual(awsFleetRun().summary.totals)
      for (const d of merged.deployments) expect(d.logFile).toMatch(new RegExp(`(tf-orchestrator-plan-a|shard-2/logs)/${fileName(d.id)}$`))
    } finally {
      art.cleanup()
    }
  })

  it('posts one PR comment whose plan texts come from the artifacts', async () => {
    const art = downloaded()
    const fake = await startFakeGitHub()
    try {
      const pr = fake.state.addPullRequest('acme', 'infra')
      const { client } = testClient(fake)
      const merged = await readMergedSummary(art.dir, '20261126T200000000Z-merge')
      const warnings: string[] = []
      const context = { eventName: 'pull_request', owner: 'acme', repo: 'infra', prNumber: pr.number, runAttempt: 1, serverUrl: 'https://github.com', apiUrl: fake.url }
      await prCommentObserver({ client, context, workingDir: 'fleet', book: new RedactionBook(), links: {}, warn: (m) => void warnings.push(m) }).runFinished?.(merged)
      const comments = fake.state.commentsOf('acme', 'infra', pr.number)
      expect(comments).toHaveLength(1)
      expect(warnings).toEqual([])
      for (const id of [...art.ids[0], ...art.ids[1]]) expect(comments[0]?.body).toContain(id)
      expect(comments[0]?.body).toContain('terraform_data.payments-data will be created')
    } finally {
      await fake.stop()
      art.cleanup()
    }
  })

  it('names a folder without summaries, and a JSON file that is not one', async () => {
    const empty = tempDir({ 'other/readme.txt': 'x' })
    const stray = tempDir({ 'x/summary.json': JSON.stringify({ hello: 1 }) })
    try {
      await expect(readMergedSummary(empty.dir, 'm')).rejects.toThrow(`summaries-path ${empty.dir}: no summary.json found`)
      await expect(readMergedSummary(stray.dir, 'm')).rejects.toThrow(/x\/summary\.json: not a tf-orchestrator summary\.json/)
      await expect(readMergedSummary(`${empty.dir}/missing`, 'm')).rejects.toThrow(`summaries-path ${empty.dir}/missing does not exist`)
    } finally {
      empty.cleanup()
      stray.cleanup()
    }
  })
})
