// The run's artifact, uploaded through the real @actions/artifact v6 client
// (DefaultArtifactClient, as src/action/github-outputs.ts does) to a local
// stand-in for GitHub's artifact service: act's own artifact server rejects
// v6's requests, see __tests__/helpers/fake-artifact-service.ts.
import { DefaultArtifactClient } from '@actions/artifact'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { executeRun } from '../../src/engine/execute-run.js'
import type { RunObserver } from '../../src/engine/run-observer.js'
import type { RunSettings } from '../../src/engine/run-settings.js'
import { artifactObserver } from '../../src/github/io/artifact-observer.js'
import { prCommentObserver } from '../../src/github/io/pr-comment-observer.js'
import { RedactionBook } from '../../src/github/io/redaction-book.js'
import type { RunLinks } from '../../src/github/io/run-links.js'
import type { PullRequestContext } from '../../src/github/pull-request-context.js'
import type { DependencyGraph } from '../../src/graph/dag.js'
import type { SelectedDeployment } from '../../src/model/deployment.js'
import type { RunSummary } from '../../src/model/run-result.js'
import { GITHUB_COMMENT_LIMIT } from '../../src/render/pr-comment.js'
import { localStateStore } from '../../src/state/io/local-state-store.js'
import type { CommandResult, Executor } from '../../src/terraform/io/executor.js'
import { fakeRuntimeToken, readZip, startFakeArtifactService, type FakeArtifactService } from '../helpers/fake-artifact-service.js'
import { startFakeGitHub } from '../helpers/fake-github.js'
import { testClient } from '../helpers/github-test-client.js'
import { testDeployment } from '../helpers/deployments.js'

const SECRET = 'hunter2-Sup3rSecret'
const ACCOUNT = '123456789012'
const RUN_URL = 'https://github.com/acme/infra/actions/runs/900'
const RUN_BACKEND = 'ce7f54c7-61c7-4aae-887f-30da475f5f1a'
const JOB_BACKEND = 'ca395085-040a-526b-2ce8-bdc85f692774'

const dep = (id: string): SelectedDeployment => {
  const file = `deployments/${id.split('/').pop() as string}.tfvars`
  return testDeployment(id, { varFile: file, source: file })
}
const ok = (stdout = '', exitCode = 0): CommandResult => ({ exitCode, stdout, stderr: '', output: stdout, interrupted: false, durationMs: 1 })
/** A fake binary: `plans` maps a deployment id to its plan output (exit 2), `broken` ones fail their plan. */
function fakeExec(plans: Map<string, string>, broken = new Map<string, string>()): Executor {
  return async (_tool, args, options) => {
    const id = (options.env.TF_DATA_DIR as string).split('/work/')[1] as string
    if (args[0] === 'plan' && broken.has(id)) return ok(broken.get(id), 1)
    if (args[0] === 'plan') return plans.has(id) ? ok(plans.get(id), 2) : ok('No changes. Your infrastructure matches the configuration.', 0)
    if (args[0] === 'show') return ok(JSON.stringify({ resource_changes: plans.has(id) ? [{ address: 'x.y', change: { actions: ['create'] } }] : [] }))
    return ok()
  }
}
/** What the action passes as `upload` (src/action/github-outputs.ts). */
const toolkitUpload = (name: string, files: string[], root: string): Promise<{ id?: number }> => new DefaultArtifactClient().uploadArtifact(name, files, root)

const ENV_KEYS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'GITHUB_SERVER_URL', 'NO_PROXY', 'no_proxy'] as const

describe('the run artifact, through the real @actions/artifact client (local artifact service)', () => {
  let dir: string
  let service: FakeArtifactService
  const saved = new Map<string, string | undefined>()
  let stdoutWrite: typeof process.stdout.write
  beforeAll(() => {
    for (const key of ENV_KEYS) saved.set(key, process.env[key])
    // @actions/core writes its info and ::add-mask:: lines to stdout; keep jest's output readable.
    stdoutWrite = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
      typeof chunk === 'string' && /^(::|Root directory input|Uploading|Beginning|Uploaded|Finished|SHA256|Finalizing|Artifact )/.test(chunk) ? true : stdoutWrite(chunk as string, ...(rest as []))) as typeof process.stdout.write
  })
  afterAll(() => {
    process.stdout.write = stdoutWrite
    for (const [key, value] of saved) if (value === undefined) delete process.env[key]
    else process.env[key] = value
  })
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tforch-artifact-test-'))
    service = await startFakeArtifactService()
    process.env.ACTIONS_RUNTIME_TOKEN = fakeRuntimeToken(RUN_BACKEND, JOB_BACKEND)
    process.env.ACTIONS_RESULTS_URL = `${service.url}/`
    process.env.GITHUB_SERVER_URL = 'https://github.com'
    // Loopback only, even where the environment sets a proxy (the Azure blob client honours HTTP(S)_PROXY).
    for (const key of ['NO_PROXY', 'no_proxy'] as const) process.env[key] = [saved.get(key), '127.0.0.1'].filter(Boolean).join(',')
  })
  afterEach(async () => {
    await service.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  const settings = (runId: string): RunSettings => ({
    command: 'plan', destroy: false, workingDir: dir, binary: 'tofu', opaBinary: 'opa', workers: 2, timeoutMs: 60_000, graceMs: 100,
    retry: { maxAttempts: 1, initialDelayMs: 1, patterns: [] }, throttle: { windowMs: 0 }, workDir: join(dir, 'work'), runDir: join(dir, 'runs', runId),
    runId, pluginCacheDir: join(dir, 'cache'), historyFile: join(dir, 'history.json'), debug: false, noColor: true, strategy: 'dag', env: {}
  })
  const run = (runId: string, deployments: SelectedDeployment[], exec: Executor, observers: RunObserver[]): Promise<RunSummary> => {
    const ids = deployments.map((d) => d.id)
    const graph: DependencyGraph = new Map(ids.map((id) => [id, new Set<string>()]))
    return executeRun({
      deployments, graph, levels: [ids], settings: settings(runId), binary: { path: 'tofu', name: 'opentofu', version: '1.11.6' },
      exec, store: localStateStore(join(dir, 'state')), observers, onObserverError: (name, e) => { throw new Error(`${name}: ${String(e)}`) }, cancel: new AbortController().signal
    })
  }
  const texts = (blob: Buffer | undefined): Map<string, string> => new Map(readZip(blob as Buffer).map((e) => [e.name, e.data.toString('utf8')]))
  const twirpCalls = (method: string) => service.requests.filter((r) => r.path === `/twirp/github.actions.results.api.v1.ArtifactService/${method}`)

  it('uploads summary.json and one redacted log per deployment as one artifact, and links to it', async () => {
    const kms = dep('kms/acct/us-east-1/keys')
    const s3 = dep('s3/acct/us-east-1/data')
    const plans = new Map([[kms.id, `  # aws_kms_key.this will be created\n  + resource "aws_kms_key" "this" {\n      + policy = "arn:aws:iam::${ACCOUNT}:root"\n      + password = "${SECRET}"\n    }\n\nPlan: 1 to add, 0 to change, 0 to destroy.`]])
    const broken = new Map([[s3.id, `╷\n│ Error: AccessDenied for arn:aws:iam::${ACCOUNT}:role/deploy password=${SECRET}\n│\n│   on main.tf line 7, in resource "x" "y":\n╵`]])
    const links: RunLinks = {}
    const warnings: string[] = []
    const learned: string[] = []
    const runId = '20261126T100000000Z-aaaaaa'
    const summary = await run(runId, [kms, s3], fakeExec(plans, broken), [
      artifactObserver({ upload: toolkitUpload, book: new RedactionBook((v) => void learned.push(v)), links, runUrl: RUN_URL, warn: (m) => void warnings.push(m) })
    ])

    expect(warnings).toEqual([])
    // The secrets really were in the logs on the runner's disk.
    for (const r of summary.deployments) expect(readFileSync(r.logFile as string, 'utf8')).toContain(SECRET)
    expect(learned).toContain(SECRET)

    // One artifact, named after the command and the run, created and finalized once under the token's run and job.
    expect(service.artifacts.map((a) => [a.name, a.finalized])).toEqual([[`tf-orchestrator-plan-${runId}`, true]])
    const artifact = service.artifacts[0]!
    expect(twirpCalls('CreateArtifact')).toHaveLength(1)
    expect(twirpCalls('FinalizeArtifact')).toHaveLength(1)
    expect(twirpCalls('CreateArtifact')[0]?.json).toMatchObject({ workflow_run_backend_id: RUN_BACKEND, workflow_job_run_backend_id: JOB_BACKEND, mime_type: 'application/zip' })
    expect(twirpCalls('CreateArtifact')[0]?.headers.authorization).toBe(`Bearer ${process.env.ACTIONS_RUNTIME_TOKEN}`)
    // The zip went up in Azure blocks, committed as a block list; Finalize declared its real size and SHA-256.
    const blobCalls = service.requests.filter((r) => r.method === 'PUT')
    expect(blobCalls.map((r) => r.query.comp)).toEqual([...artifact.blockIds.map(() => 'block'), 'blocklist'])
    expect(artifact.declaredSize).toBe(String(artifact.blob?.length))
    expect(artifact.declaredHash).toBe(`sha256:${createHash('sha256').update(artifact.blob as Buffer).digest('hex')}`)

    const files = texts(artifact.blob)
    expect([...files.keys()].sort()).toEqual(['kms__acct__us-east-1__keys.log', 's3__acct__us-east-1__data.log', 'summary.json'])
    const uploaded = JSON.parse(files.get('summary.json') as string) as RunSummary
    expect(uploaded.runId).toBe(runId)
    expect(uploaded.deployments.map((d) => [d.id, d.status])).toEqual(
      expect.arrayContaining([[kms.id, 'succeeded'], [s3.id, 'failed']])
    )
    expect(files.get('kms__acct__us-east-1__keys.log')).toContain('aws_kms_key.this will be created')
    expect(files.get('kms__acct__us-east-1__keys.log')).toContain('arn:aws:iam::***:root')
    expect(files.get('s3__acct__us-east-1__data.log')).toContain('Error: AccessDenied for arn:aws:iam::***:role/deploy')
    for (const [name, text] of files) {
      expect([name, text.includes(SECRET)]).toEqual([name, false])
      expect([name, text.includes(ACCOUNT)]).toEqual([name, false])
    }
    expect(links.artifact).toBe(`${RUN_URL}/artifacts/${artifact.id}`)
  })

  it('a refused upload is a warning and leaves no link: the same artifact name twice in one run', async () => {
    const kms = dep('kms/acct/us-east-1/keys')
    const exec = fakeExec(new Map([[kms.id, 'Plan: 1 to add, 0 to change, 0 to destroy.']]))
    const observe = (links: RunLinks, warnings: string[]): RunObserver =>
      artifactObserver({ upload: toolkitUpload, book: new RedactionBook(), links, runUrl: RUN_URL, warn: (m) => void warnings.push(m) })
    const first = { links: {} as RunLinks, warnings: [] as string[] }
    const second = { links: {} as RunLinks, warnings: [] as string[] }
    await run('20261126T110000000Z-bbbbbb', [kms], exec, [observe(first.links, first.warnings)])
    await run('20261126T110000000Z-bbbbbb', [kms], exec, [observe(second.links, second.warnings)])

    expect(first.warnings).toEqual([])
    expect(first.links.artifact).toBe(`${RUN_URL}/artifacts/${service.artifacts[0]?.id}`)
    expect(second.warnings).toEqual([expect.stringMatching(/^artifact not uploaded: Failed to CreateArtifact: .*\(409\).*already exists/)])
    expect(second.links.artifact).toBeUndefined()
    expect(service.finalized()).toHaveLength(1)
    expect(twirpCalls('FinalizeArtifact')).toHaveLength(1)
  })

  it('an oversized plan: the PR comment stays under 65,536 characters and links to the artifact, which holds every plan whole', async () => {
    const deployments = ['a', 'b', 'c'].map((n) => dep(`s3/acct/us-east-1/bucket-${n}`))
    const resources = 5000
    const planOf = (id: string): string => {
      const blocks: string[] = []
      for (let i = 0; i < resources; i++) {
        const digest = createHash('sha256').update(`${id}:${i}`).digest('hex')
        blocks.push(
          `  # aws_s3_object.obj[${i}] will be created\n  + resource "aws_s3_object" "obj" {\n      + bucket         = "data-${id.split('-').pop() as string}"\n` +
            `      + content_sha256 = "${digest}"\n      + etag           = (known after apply)\n      + id             = (known after apply)\n    }\n`
        )
      }
      return `${blocks.join('\n')}\nPlan: ${resources} to add, 0 to change, 0 to destroy.`
    }
    const plans = new Map(deployments.map((d) => [d.id, planOf(d.id)]))
    const planBytes = [...plans.values()].reduce((n, p) => n + p.length, 0)
    expect(planBytes).toBeGreaterThan(3_000_000)

    const github = await startFakeGitHub()
    try {
      const pr = github.state.addPullRequest('acme', 'infra')
      const { client } = testClient(github)
      const context: PullRequestContext = { eventName: 'pull_request', owner: 'acme', repo: 'infra', prNumber: pr.number, runId: '900', runAttempt: 1, serverUrl: 'https://github.com', apiUrl: github.url }
      const book = new RedactionBook()
      const links: RunLinks = {}
      const warnings: string[] = []
      const warn = (m: string): void => void warnings.push(m)
      // The order of src/action/github-outputs.ts: the artifact first, so the comment can link to it.
      await run('20261126T120000000Z-cccccc', deployments, fakeExec(plans), [
        artifactObserver({ upload: toolkitUpload, book, links, runUrl: RUN_URL, warn }),
        prCommentObserver({ client, context, workingDir: 'infra', book, links, warn })
      ])
      expect(warnings).toEqual([])

      const artifact = service.finalized()[0]
      expect(service.finalized()).toHaveLength(1)
      expect(links.artifact).toBe(`${RUN_URL}/artifacts/${artifact?.id}`)
      const files = texts(artifact?.blob)
      for (const d of deployments) {
        const log = files.get(`${d.id.replace(/\//g, '__')}.log`) as string
        expect(log).toContain(plans.get(d.id))
      }

      const comments = github.state.comments.filter((c) => c.issueNumber === pr.number)
      expect(comments).toHaveLength(1)
      const body = comments[0]?.body as string
      expect(body.length).toBeLessThan(GITHUB_COMMENT_LIMIT)
      expect(body).toMatch(/Shortened to fit GitHub.s 65,536-character comment limit/)
      expect(body).toContain(`Everything is in the [full redacted output](${links.artifact as string})`)
      // Not the whole plan: the last resource of each deployment is only in the artifact.
      for (const d of deployments) expect(body).not.toContain(plans.get(d.id)?.slice(-2000))
    } finally {
      await github.stop()
    }
  })
})
