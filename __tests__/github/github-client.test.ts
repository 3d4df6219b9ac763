import { createGitHubClient, describeGitHubError } from '../../src/github/io/github-client.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { TEST_TOKEN, testClient } from '../helpers/github-test-client.js'

let fake: FakeGitHub
beforeEach(async () => {
  fake = await startFakeGitHub({ requireToken: TEST_TOKEN })
  fake.state.addIssue('acme', 'infra', { title: 'one' })
})
afterEach(async () => fake.stop())

const statusOf = async (promise: Promise<unknown>): Promise<unknown> => promise.then(() => 'ok', (error: { status?: number }) => error.status)

describe('createGitHubClient', () => {
  it('talks to the injected API URL with the token and its own user agent', async () => {
    const client = createGitHubClient({ token: TEST_TOKEN, apiUrl: `${fake.url}/`, log: () => {} })
    const { data } = await client.rest.issues.get({ owner: 'acme', repo: 'infra', issue_number: 1 })
    expect(data.title).toBe('one')
    expect(fake.requests[0]?.headers).toMatchObject({ authorization: `token ${TEST_TOKEN}`, 'user-agent': expect.stringMatching(/^tf-orchestrator /) })
    expect(fake.requests[0]?.path).toBe('/repos/acme/infra/issues/1')
  })

  it('retries a server error the configured number of times, then throws it', async () => {
    fake.failNext(10, 'server-error')
    const { client, logs } = testClient(fake, { retries: 2 })
    expect(await statusOf(client.rest.issues.get({ owner: 'acme', repo: 'infra', issue_number: 1 }))).toBe(500)
    expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 500])
    expect(logs.join('\n')).not.toContain(TEST_TOKEN)
  })

  it('does not retry what a retry cannot fix (404, 401, 422)', async () => {
    const { client } = testClient(fake)
    expect(await statusOf(client.rest.issues.get({ owner: 'acme', repo: 'infra', issue_number: 99 }))).toBe(404)
    const wrongToken = createGitHubClient({ token: 'ghs_wrong', apiUrl: fake.url, log: () => {}, timing: { retryBaseMs: 1 } })
    expect(await statusOf(wrongToken.rest.issues.get({ owner: 'acme', repo: 'infra', issue_number: 1 }))).toBe(401)
    expect(await statusOf(client.rest.issues.create({ owner: 'acme', repo: 'infra', title: '' }))).toBe(422)
    expect(fake.requests.map((r) => r.status)).toEqual([404, 401, 422])
  })
})

describe('describeGitHubError', () => {
  it('gives status and first message line of a request error, and never its headers', async () => {
    const { client } = testClient(fake)
    const error = await client.rest.issues.get({ owner: 'acme', repo: 'infra', issue_number: 99 }).catch((e: unknown) => e)
    expect(describeGitHubError(error)).toBe('HTTP 404: Not Found - https://docs.github.com/rest')
    expect(describeGitHubError(new Error('socket hang up'))).toBe('socket hang up')
  })
})
