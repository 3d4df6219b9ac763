import { upsertPrComment, type CommentMarker } from '../../src/github/io/pr-comment-sync.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { TEST_TOKEN, testClient } from '../helpers/github-test-client.js'

// Stand-in for the renderer's marker: the run number rides in the hidden comment.
const MARK = '<!-- tf-orchestrator:pr-comment'
const bodyOf = (run: number, text = `plan of run ${run}`): string => `${MARK} run=${run} -->\n${text}`
const markerFor = (run: number): CommentMarker => ({
  matches: (body) => body.startsWith(MARK),
  isNewer: (existing) => Number(/run=(\d+)/.exec(existing)?.[1] ?? 0) > run
})

let fake: FakeGitHub
let pr: number
beforeEach(async () => {
  fake = await startFakeGitHub()
  pr = fake.state.addPullRequest('acme', 'infra').number
})
afterEach(async () => fake.stop())

const upsert = (run: number, client = testClient(fake).client, text?: string) =>
  upsertPrComment({ client, owner: 'acme', repo: 'infra', prNumber: pr, body: bodyOf(run, text), marker: markerFor(run) })
const writes = () => fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)

describe('upsertPrComment', () => {
  it('creates the comment once, then updates it in place: one comment after three runs', async () => {
    const { client, logs } = testClient(fake)
    const first = await upsert(1, client)
    const second = await upsert(2, client)
    const third = await upsert(3, client)

    expect([first.action, second.action, third.action]).toEqual(['created', 'updated', 'updated'])
    const comments = fake.state.commentsOf('acme', 'infra', pr)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toBe(bodyOf(3))
    expect(third).toEqual({ action: 'updated', id: comments[0]?.id, url: `https://github.com/acme/infra/pull/${pr}#issuecomment-${comments[0]?.id}` })
    expect(writes()).toEqual([`POST /repos/acme/infra/issues/${pr}/comments`, ...Array(2).fill(`PATCH /repos/acme/infra/issues/comments/${comments[0]?.id}`)])
    expect(fake.requests.every((r) => r.headers.authorization === `token ${TEST_TOKEN}`)).toBe(true)
    expect(logs.join('\n')).not.toContain(TEST_TOKEN)
  })

  it('does not write when the body is already there', async () => {
    await upsert(1)
    expect((await upsert(1)).action).toBe('unchanged')
    expect(writes()).toHaveLength(1)
  })

  it('leaves a comment of a newer run alone', async () => {
    const newer = fake.state.addComment('acme', 'infra', pr, bodyOf(5))
    const result = await upsert(4)
    expect(result).toEqual({ action: 'skipped-older-run', id: newer.id, url: expect.stringContaining(`#issuecomment-${newer.id}`) })
    expect(fake.state.commentsOf('acme', 'infra', pr).map((c) => c.body)).toEqual([bodyOf(5)])
    expect(writes()).toEqual([])
  })

  it('never touches comments of people or other bots', async () => {
    const human = fake.state.addComment('acme', 'infra', pr, 'LGTM', { login: 'alice', id: 7, type: 'User' })
    const bot = fake.state.addComment('acme', 'infra', pr, '<!-- renovate:pr-comment -->\nUpdates', { login: 'renovate[bot]', id: 8, type: 'Bot' })
    await upsert(1)
    await upsert(2)
    const bodies = fake.state.commentsOf('acme', 'infra', pr).map((c) => c.body)
    expect(bodies).toEqual(['LGTM', '<!-- renovate:pr-comment -->\nUpdates', bodyOf(2)])
    expect(writes().some((w) => w.endsWith(`/${human.id}`) || w.endsWith(`/${bot.id}`))).toBe(false)
  })

  it('finds its comment on the second page of more than 100 comments', async () => {
    for (let i = 0; i < 120; i++) fake.state.addComment('acme', 'infra', pr, `chatter ${i}`, { login: 'alice', id: 7, type: 'User' })
    const ours = fake.state.addComment('acme', 'infra', pr, bodyOf(1))
    for (let i = 0; i < 10; i++) fake.state.addComment('acme', 'infra', pr, `more ${i}`, { login: 'bob', id: 9, type: 'User' })

    const result = await upsert(2)
    expect(result).toMatchObject({ action: 'updated', id: ours.id })
    expect(fake.state.commentsOf('acme', 'infra', pr)).toHaveLength(131)
    expect(fake.requests.filter((r) => r.method === 'GET').map((r) => r.query.page ?? '1')).toEqual(['1', '2'])
  })

  it('retries a server error and then succeeds', async () => {
    fake.failNext(2, 'server-error', { method: 'GET' })
    expect((await upsert(1)).action).toBe('created')
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 500', 'GET 500', 'GET 200', 'POST 201'])
  })

  it('waits out a primary rate limit (403, x-ratelimit-remaining 0) and a secondary one', async () => {
    const { client, logs } = testClient(fake)
    fake.failNext(1, 'rate-limit', { method: 'GET' })
    fake.failNext(1, 'secondary-rate-limit', { method: 'POST' })
    expect((await upsert(1, client)).action).toBe('created')
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 403', 'GET 200', 'POST 403', 'POST 201'])
    expect(logs.filter((l) => l.startsWith('GitHub '))).toEqual([expect.stringMatching(/^GitHub rate limit on GET .*retry 1\/2/), expect.stringMatching(/^GitHub secondary rate limit on POST .*retry 1\/2/)])
    expect(fake.state.commentsOf('acme', 'infra', pr)).toHaveLength(1)
  })

  it('returns a warning instead of throwing when GitHub keeps failing', async () => {
    fake.failNext(100, 'server-error')
    const { client, logs } = testClient(fake, { retries: 2 })
    const result = await upsert(1, client)
    expect(result).toEqual({ action: 'failed', warning: expect.stringContaining(`could not update the pull request comment on acme/infra#${pr}: HTTP 500`) })
    expect(fake.requests).toHaveLength(3)
    expect(JSON.stringify(result) + logs.join('\n')).not.toContain(TEST_TOKEN)
  })

  it('does not retry a validation error and reports it', async () => {
    fake.failNext(1, 'validation', { method: 'POST' })
    const result = await upsert(1)
    expect(result).toEqual({ action: 'failed', warning: expect.stringContaining('HTTP 422') })
    expect(writes()).toHaveLength(1)
  })

  it('gives up on a rate limit that does not lift, with a warning', async () => {
    fake.failNext(100, 'rate-limit')
    const { client, logs } = testClient(fake, { rateLimitRetries: 1 })
    expect(await upsert(1, client)).toEqual({ action: 'failed', warning: expect.stringContaining('HTTP 403') })
    expect(fake.requests).toHaveLength(2)
    expect(logs.at(-1)).toMatch(/giving up$/)
  })
})
