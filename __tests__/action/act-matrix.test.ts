import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { runCli } from '../../src/cli/main.js'
import type { RunSummary } from '../../src/model/run-result.js'
import { git } from '../helpers/git-repo.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

// The bundle under test: the repository's own, or a private build (TFORCH_ACT_ROOT=/tmp/copy).
const bundleRoot = process.env.TFORCH_ACT_ROOT ?? repoRoot
const TOKEN = 'ghs_actMatrixToken0123456789'

/** Starts the fake GitHub in its own process (act blocks this one); resolves with its URL. */
function startFake(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(repoRoot, '__tests__/helpers/fake-github-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) => resolve({ url: (JSON.parse(line) as { url: string }).url, child }))
  })
}

// The merge job reaches the fake through GITHUB_API_URL (act's --env); the shard jobs get no token, so only the merge comments.
const fleetWorkflow = (shared: string): string => `name: fleet
on: pull_request
jobs:
  discover:
    runs-on: ubuntu-latest
    outputs:
      matrix: \${{ steps.discover.outputs.matrix }}
      count: \${{ steps.discover.outputs.count }}
    steps:
      - run: cp -a "$SOURCE_REPO/." .
      - id: discover
        uses: ./
        with:
          command: discover
          working-directory: fleet
          all: "true"
          shards: 3
          github-token: ""
  plan:
    needs: discover
    runs-on: ubuntu-latest
    strategy:
      matrix: \${{ fromJSON(needs.discover.outputs.matrix) }}
    steps:
      - run: cp -a "$SOURCE_REPO/." .
      - id: run
        uses: ./
        with:
          command: plan
          working-directory: fleet
          deployments: \${{ join(matrix.deployments, ',') }}
          github-token: ""
          plugin-cache: "false"
      - env:
          SUMMARY: \${{ steps.run.outputs.summary-file }}
        run: mkdir -p "${shared}/shard-\${{ matrix.shard }}" && cp -r "$(dirname "$SUMMARY")/." "${shared}/shard-\${{ matrix.shard }}/"
  merge:
    needs: [discover, plan]
    runs-on: ubuntu-latest
    steps:
      - run: cp -a "$SOURCE_REPO/." .
      - uses: ./
        with:
          command: merge-summaries
          working-directory: fleet
          summaries-path: ${shared}
          github-token: \${{ secrets.GITHUB_TOKEN }}
`

describe('the matrix fan-out under act', () => {
  it('discover splits aws-fleet into 3 shards, the shard jobs plan their share, merge posts one comment for all', async () => {
    const tmp = tempDir()
    // Outside the repository act copies: the shard jobs' summaries and the event.
    const side = tempDir()
    const { url, child } = await startFake()
    try {
      const pr = (await (await fetch(`${url}/_fake/pulls`, { method: 'POST', body: JSON.stringify({ owner: 'acme', repo: 'infra' }) })).json()) as { number: number }
      for (const entry of ['action.yml', 'dist', 'package.json']) cpSync(join(bundleRoot, entry), join(tmp.dir, entry), { recursive: true })
      cpSync(join(repoRoot, 'examples/aws-fleet'), join(tmp.dir, 'fleet'), { recursive: true, filter: (src) => !/[\\/]\.tf-orchestrator$/.test(src) })
      const shared = join(side.dir, 'shards')
      mkdirSync(shared)
      mkdirSync(join(tmp.dir, '.github/workflows'), { recursive: true })
      writeFileSync(join(tmp.dir, '.github/workflows/fleet.yml'), fleetWorkflow(shared))
      const event = { action: 'synchronize', number: pr.number, pull_request: { number: pr.number, head: { sha: 'abc', ref: 'feature' }, base: { ref: 'main' } }, repository: { name: 'infra', owner: { login: 'acme' } } }
      writeFileSync(join(side.dir, 'event.json'), JSON.stringify(event))
      git(tmp.dir, 'init', '-q', '-b', 'main')
      git(tmp.dir, 'add', '-A')
      git(tmp.dir, 'commit', '-q', '-m', 'test')
      const result = spawnSync(
        'act',
        ['pull_request', '-e', join(side.dir, 'event.json'), '-P', 'ubuntu-latest=-self-hosted', '--env', `SOURCE_REPO=${tmp.dir}`, '--env', `GITHUB_API_URL=${url}`, '-s', `GITHUB_TOKEN=${TOKEN}`],
        { cwd: tmp.dir, encoding: 'utf8', timeout: 420_000, env: process.env }
      )
      const output = `${result.stdout}${result.stderr}`
      expect(output).not.toContain('Job failed')
      expect(result.status).toBe(0)

      // The shards' union is the unsharded selection, nobody twice.
      let listed = ''
      expect(await runCli(['list', '-w', join(tmp.dir, 'fleet'), '--all', '--json'], { out: (t) => void (listed += t), err: () => undefined })).toBe(0)
      const all = (JSON.parse(listed) as { deployments: { id: string }[] }).deployments.map((d) => d.id).sort()
      const shards = readdirSync(shared).sort()
      expect(shards).toEqual(['shard-1', 'shard-2', 'shard-3'])
      const ran = shards.map((s) => (JSON.parse(readFileSync(join(shared, s, 'summary.json'), 'utf8')) as RunSummary).deployments.map((d) => d.id))
      expect(ran.every((ids) => ids.length > 0)).toBe(true)
      expect(ran.flat().sort()).toEqual(all)
      expect(all).toHaveLength(19)

      // One comment, written by the merge, naming every deployment of the union.
      const state = (await (await fetch(`${url}/_fake/state`)).json()) as { comments: { issueNumber: number; body: string }[] }
      const comments = state.comments.filter((c) => c.issueNumber === pr.number)
      expect(comments).toHaveLength(1)
      const body = comments[0]?.body as string
      for (const id of all) expect(body).toContain(id)
      // Plan texts come from the shards' logs.
      expect(body).toContain('will be created')
      expect(body).not.toContain(TOKEN)
      expect(existsSync(join(shared, 'shard-1', 'logs'))).toBe(true)
    } finally {
      child.kill('SIGTERM')
      tmp.cleanup()
      side.cleanup()
    }
  })
})
