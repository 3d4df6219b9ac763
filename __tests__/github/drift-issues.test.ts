import { syncDriftIssues, type DriftIssue, type SyncDriftIssuesInput } from '../../src/github/io/drift-issues.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { TEST_TOKEN, testClient } from '../helpers/github-test-client.js'

// Stand-in for the renderer's marker of a drift issue.
const markerOf = (key: string): string => `<!-- tf-orchestrator:drift key=${key} -->`
const matchesKey = (body: string, key: string): boolean => body.includes(markerOf(key))
const drift = (key: string, text = 'resources changed outside Terraform'): DriftIssue => ({ key, title: `Drift in ${key}`, body: `${markerOf(key)}\n${text}` })

let fake: FakeGitHub
beforeEach(async () => {
  fake = await startFakeGitHub()
})
afterEach(async () => fake.stop())

const sync = (run: number, fields: Partial<SyncDriftIssuesInput>, options: { retries?: number } = {}) =>
  syncDriftIssues({
    client: testClient(fake, options).client, owner: 'acme', repo: 'infra', drifted: [], clean: [], matchesKey,
    run: { id: String(run), url: `https://github.com/acme/infra/actions/runs/${run}` }, ...fields
  } as SyncDriftIssuesInput)
const issues = () => fake.state.issuesOf('acme', 'infra')
const commentBodies = (n: number) => fake.state.commentsOf('acme', 'infra', n).map((c) => c.body)
const labelPosts = () => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/labels'))

describe('syncDriftIssues', () => {
  it('opens, updates, closes with a comment, and reopens one issue per deployment', async () => {
    const key = 's3/acme-dev/us-east-1/payments'
    const created = await sync(1, { drifted: [drift(key, 'bucket policy changed')] })
    expect(created).toEqual({ outcomes: [{ key, action: 'created', number: 1, url: 'https://github.com/acme/infra/issues/1' }], warnings: [] })
    expect(issues()[0]).toMatchObject({ title: `Drift in ${key}`, state: 'open', labels: ['drift-detection', 'needs-review'] })

    const updated = await sync(2, { drifted: [drift(key, 'bucket policy and tags changed')] })
    expect(updated.outcomes).toEqual([{ key, action: 'updated', number: 1, url: expect.any(String) }])
    expect(issues()).toHaveLength(1)
    expect(issues()[0]?.body).toContain('bucket policy and tags changed')

    const closed = await sync(3, { clean: [{ key }] })
    expect(closed.outcomes).toEqual([{ key, action: 'closed', number: 1, url: expect.any(String) }])
    expect(issues()[0]).toMatchObject({ state: 'closed', state_reason: 'completed' })
    expect(commentBodies(1)).toEqual(['Drift resolved in run [3](https://github.com/acme/infra/actions/runs/3).'])

    expect((await sync(4, { clean: [{ key }] })).outcomes[0]?.action).toBe('none')

    const reopened = await sync(5, { drifted: [drift(key, 'drift is back')] })
    expect(reopened.outcomes[0]).toMatchObject({ key, action: 'reopened', number: 1 })
    expect(issues()).toHaveLength(1)
    expect(issues()[0]).toMatchObject({ state: 'open', body: drift(key, 'drift is back').body })
    expect(commentBodies(1)[1]).toBe('Drift detected again in run [5](https://github.com/acme/infra/actions/runs/5).')

    expect(labelPosts().map((r) => (r.body as { name: string }).name)).toEqual(['drift-detection', 'needs-review'])
    expect(fake.state.label('acme', 'infra', 'drift-detection')?.color).toBe('d93f0b')
    expect(fake.requests.every((r) => r.headers.authorization === `token ${TEST_TOKEN}`)).toBe(true)
  })

  it('keeps one issue per key and does not rewrite an unchanged one', async () => {
    await sync(1, { drifted: [drift('a'), drift('b')] })
    const second = await sync(2, { drifted: [drift('a'), drift('b')], clean: [{ key: 'c' }] })
    expect(second.outcomes.map((o) => `${o.key}:${o.action}`)).toEqual(['a:unchanged', 'b:unchanged', 'c:none'])
    expect(issues().map((i) => i.title)).toEqual(['Drift in a', 'Drift in b'])
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toEqual([])
  })

  it('keeps labels people added when it reopens, and ignores pull requests and unlabelled issues', async () => {
    const old = fake.state.addIssue('acme', 'infra', { title: 'old', body: drift('a').body, labels: ['drift-detection', 'team-storage'], state: 'closed' })
    const unlabelled = fake.state.addIssue('acme', 'infra', { title: 'discussion', body: `quoting ${markerOf('a')}` })
    fake.state.addIssue('acme', 'infra', { title: 'PR', body: drift('a').body, labels: ['drift-detection'], head: { sha: 'b'.repeat(40), ref: 'x' } })

    const result = await sync(1, { drifted: [drift('a')] })
    expect(result.outcomes[0]).toMatchObject({ action: 'reopened', number: old.number })
    expect(old.labels).toEqual(['drift-detection', 'team-storage', 'needs-review'])
    expect(unlabelled.state).toBe('open')
    expect(fake.requests.filter((r) => r.method !== 'GET').every((r) => r.path.includes(`/issues/${old.number}`) || r.path.endsWith('/labels'))).toBe(true)
  })

  it('per run: one issue for every drifted deployment, closed when the run finds none', async () => {
    const runIssue = drift('run', 'a, b and c drifted')
    const first = await sync(1, { mode: 'per-run', runIssue, drifted: [drift('a'), drift('b'), drift('c')] })
    expect(first.outcomes).toEqual([{ key: 'run', action: 'created', number: 1, url: expect.any(String) }])
    expect(issues()).toHaveLength(1)

    const clean = await sync(2, { mode: 'per-run', runIssue, drifted: [], clean: [{ key: 'a' }] })
    expect(clean.outcomes).toEqual([{ key: 'run', action: 'closed', number: 1, url: expect.any(String) }])
    expect(issues()).toEqual([expect.objectContaining({ state: 'closed' })])
  })

  it('reports failures as warnings per key and goes on with the others', async () => {
    fake.failNext(1, 'validation', { method: 'POST', path: /\/issues$/ })
    const result = await sync(1, { drifted: [drift('a'), drift('b')] })
    expect(result.outcomes.map((o) => o.action)).toEqual(['failed', 'created'])
    expect(result.warnings).toEqual([expect.stringMatching(/^could not update the drift issue of a: HTTP 422/)])
    expect(issues().map((i) => i.title)).toEqual(['Drift in b'])
  })

  it('returns warnings instead of throwing when GitHub is down', async () => {
    fake.failNext(1000, 'server-error')
    const result = await sync(1, { drifted: [drift('a')], clean: [{ key: 'b' }] }, { retries: 1 })
    expect(result.outcomes.map((o) => `${o.key}:${o.action}`)).toEqual(['a:failed', 'b:failed'])
    expect(result.warnings).toContainEqual(expect.stringMatching(/^could not list drift issues of acme\/infra: HTTP 500: Server Error/))
    expect(result.warnings.some((w) => w.startsWith('could not check label drift-detection'))).toBe(true)
    expect(result.warnings.join('\n')).not.toContain(TEST_TOKEN)
  })
})
