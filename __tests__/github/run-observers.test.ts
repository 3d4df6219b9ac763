import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { executeRun } from '../../src/engine/execute-run.js'
import type { RunObserver } from '../../src/engine/run-observer.js'
import type { RunSettings } from '../../src/engine/run-settings.js'
import type { DependencyGraph } from '../../src/graph/dag.js'
import type { SelectedDeployment } from '../../src/model/deployment.js'
import type { RunSummary } from '../../src/model/run-result.js'
import { driftObserver, type DriftFindings } from '../../src/github/io/drift-observer.js'
import { jobSummaryObserver } from '../../src/github/io/job-summary-observer.js'
import { groupedLogObserver } from '../../src/github/io/log-observers.js'
import { prCommentObserver } from '../../src/github/io/pr-comment-observer.js'
import { RedactionBook } from '../../src/github/io/redaction-book.js'
import type { PullRequestContext } from '../../src/github/pull-request-context.js'
import type { Annotation } from '../../src/github/annotation.js'
import { localStateStore } from '../../src/state/io/local-state-store.js'
import type { CommandResult, Executor } from '../../src/terraform/io/executor.js'
import { testDeployment } from '../helpers/deployments.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { testClient, TEST_TOKEN } from '../helpers/github-test-client.js'

const SECRET = 'hunter2-Sup3rSecret'
const ACCOUNT = '123456789012'
const dep = (id: string, source: string): SelectedDeployment => testDeployment(id, { varFile: source, source })
const kms = dep('kms/acct/us-east-1/keys', 'deployments/keys.tfvars')
const s3 = dep('s3/acct/us-east-1/data', 'deployments/data.tfvars')
const graph: DependencyGraph = new Map([[kms.id, new Set<string>()], [s3.id, new Set([kms.id])]])
const ok = (stdout = '', exitCode = 0): CommandResult => ({ exitCode, stdout, stderr: '', output: stdout, interrupted: false, durationMs: 1 })

/** A fake binary: `changed` deployments plan changes (with a secret and an ARN in the output), `broken` ones fail. */
function fakeExec(changed: Set<string>, broken = new Set<string>()): Executor {
  return async (_tool, args, options) => {
    const id = (options.env.TF_DATA_DIR as string).split('/work/')[1] as string
    if (args[0] === 'plan' && broken.has(id)) return ok(`╷\n│ Error: AccessDenied for arn:aws:iam::${ACCOUNT}:role/deploy password=${SECRET}\n│\n│   on main.tf line 7, in resource "x" "y":\n╵`, 1)
    if (args[0] === 'plan') return changed.has(id) ? ok(`  # aws_kms_key.this will be created\n  + resource "aws_kms_key" "this" {\n      + policy = "arn:aws:iam::${ACCOUNT}:root"\n      + password = "${SECRET}"\n    }\n\nPlan: 1 to add, 0 to change, 0 to destroy.`, 2) : ok('No changes. Your infrastructure matches the configuration.', 0)
    if (args[0] === 'show') return ok(JSON.stringify({ resource_changes: changed.has(id) ? [{ address: 'aws_kms_key.this', change: { actions: ['create'] } }] : [] }))
    return ok()
  }
}

describe('GitHub outputs of a run (real Octokit, local GitHub)', () => {
  let dir: string
  let fake: FakeGitHub
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tforch-gh-'))
    fake = await startFakeGitHub()
  })
  afterEach(async () => {
    await fake.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  const settings = (runId: string): RunSettings => ({
    command: 'plan', destroy: false, workingDir: dir, binary: 'tofu', opaBinary: 'opa', workers: 2, timeoutMs: 60_000, graceMs: 100,
    retry: { maxAttempts: 1, initialDelayMs: 1, patterns: [] }, throttle: { windowMs: 0 }, workDir: join(dir, 'work'), runDir: join(dir, 'runs', runId),
    runId, pluginCacheDir: join(dir, 'cache'), historyFile: join(dir, 'history.json'), debug: false, noColor: true, strategy: 'dag', env: {}
  })
  const run = (runId: string, exec: Executor, observers: RunObserver[]): Promise<RunSummary> =>
    executeRun({
      deployments: [kms, s3], graph, levels: [[kms.id], [s3.id]], settings: settings(runId), binary: { path: 'tofu', name: 'opentofu', version: '1.11.6' },
      exec, store: localStateStore(join(dir, 'state')), observers, onObserverError: (name, e) => { throw new Error(`${name}: ${String(e)}`) }, cancel: new AbortController().signal
    })

  it('one redacted PR comment, updated in place by the next run; grouped logs and annotations are redacted too', async () => {
    const pr = fake.state.addPullRequest('acme', 'infra')
    const { client } = testClient(fake)
    const context: PullRequestContext = { eventName: 'pull_request', owner: 'acme', repo: 'infra', prNumber: pr.number, runId: '900', runAttempt: 1, serverUrl: 'https://github.com', apiUrl: fake.url }
    const secrets: string[] = []
    const groups: string[] = []
    const annotations: Annotation[] = []
    const summaries: string[] = []
    const warnings: string[] = []
    const observers = (book: RedactionBook): RunObserver[] => [
      groupedLogObserver({ book, group: (title, body) => void groups.push(`${title}\n${body}`), annotate: (a) => void annotations.push(a), workingDirFromRepo: 'infra' }),
      jobSummaryObserver({ write: (m) => void summaries.push(m), dependencies: graph, workingDir: 'infra', book, links: {} }),
      prCommentObserver({ client, context, workingDir: 'infra', book, links: {}, warn: (m) => void warnings.push(m) })
    ]
    await run('20261126T100000000Z-aaaaaa', fakeExec(new Set([kms.id, s3.id]), new Set([s3.id])), observers(new RedactionBook((v) => void secrets.push(v))))
    const comments = () => fake.state.comments.filter((c) => c.issueNumber === pr.number)
    expect(comments()).toHaveLength(1)
    const first = comments()[0]?.body as string
    expect(first).toContain('aws_kms_key.this will be created')
    expect(first).toContain('arn:aws:iam::***:root')
    for (const text of [first, ...groups, ...summaries, JSON.stringify(annotations)]) {
      expect(text).not.toContain(SECRET)
      expect(text).not.toContain(ACCOUNT)
    }
    expect(secrets).toContain(SECRET)
    expect(annotations).toEqual([expect.objectContaining({ title: `${s3.id} failed`, file: 'infra/main.tf', startLine: 7 })])
    expect(groups.some((g) => g.startsWith(`${kms.id}: succeeded`))).toBe(true)
    expect(summaries[0]).toContain('```mermaid')

    await run('20261126T110000000Z-bbbbbb', fakeExec(new Set([kms.id])), observers(new RedactionBook()))
    expect(comments()).toHaveLength(1)
    expect(comments()[0]?.body).not.toEqual(first)
    expect(warnings).toEqual([])
    expect(JSON.stringify(fake.requests)).not.toContain(SECRET)
    expect(fake.requests.every((r) => !JSON.stringify(r.body ?? '').includes(TEST_TOKEN))).toBe(true)
  })

  it('drift opens an issue per drifted deployment, and closes it when the drift is gone', async () => {
    const { client } = testClient(fake)
    const context: PullRequestContext = { eventName: 'schedule', owner: 'acme', repo: 'infra', runId: '901', runAttempt: 1, serverUrl: 'https://github.com', apiUrl: fake.url }
    const findings: DriftFindings[] = []
    const drift = (): RunObserver => driftObserver({ client, context, mode: 'per-deployment', book: new RedactionBook(), links: {}, warn: (m) => { throw new Error(m) }, onFindings: (f) => void findings.push(f) })
    await run('20261126T020000000Z-cccccc', fakeExec(new Set([kms.id])), [drift()])
    expect(findings[0]).toEqual({ drifted: [kms.id], clean: [s3.id] })
    const open = () => fake.state.issues.filter((i) => i.state === 'open' && !('head' in i && i.head))
    expect(open()).toHaveLength(1)
    expect(open()[0]?.body).toContain(kms.id)
    expect(open()[0]?.body).not.toContain(SECRET)
    expect(open()[0]?.labels).toEqual(expect.arrayContaining(['drift-detection', 'needs-review']))

    await run('20261127T020000000Z-dddddd', fakeExec(new Set([kms.id])), [drift()])
    expect(fake.state.issues).toHaveLength(1)

    await run('20261128T020000000Z-eeeeee', fakeExec(new Set()), [drift()])
    expect(findings[2]).toEqual({ drifted: [], clean: [kms.id, s3.id] })
    expect(open()).toHaveLength(0)
    expect(fake.state.comments.some((c) => /resolved/i.test(c.body))).toBe(true)
  })

  it('per-run mode keeps one issue for the working directory: opened, updated, closed', async () => {
    const { client } = testClient(fake)
    const context: PullRequestContext = { eventName: 'schedule', owner: 'acme', repo: 'infra', runId: '902', runAttempt: 1, serverUrl: 'https://github.com', apiUrl: fake.url }
    const drift = (): RunObserver => driftObserver({ client, context, mode: 'per-run', workingDir: 'infra', book: new RedactionBook(), links: {}, warn: (m) => { throw new Error(m) }, onFindings: () => undefined })
    const open = () => fake.state.issues.filter((i) => i.state === 'open')
    await run('20261126T020000000Z-ffffff', fakeExec(new Set([kms.id, s3.id])), [drift()])
    expect(open()).toHaveLength(1)
    expect(open()[0]?.body).toContain(kms.id)
    expect(open()[0]?.body).toContain(s3.id)
    await run('20261127T020000000Z-gggggg', fakeExec(new Set([kms.id])), [drift()])
    expect(fake.state.issues).toHaveLength(1)
    expect(open()[0]?.body).not.toContain(`\`${s3.id}\``)
    await run('20261128T020000000Z-hhhhhh', fakeExec(new Set()), [drift()])
    expect(open()).toHaveLength(0)
    expect(fake.state.issues).toHaveLength(1)
  })
})
