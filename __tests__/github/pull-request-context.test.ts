import { pullRequestContext } from '../../src/github/pull-request-context.js'

const env = {
  GITHUB_REPOSITORY: 'acme/infra',
  GITHUB_SERVER_URL: 'https://github.example.com/',
  GITHUB_API_URL: 'https://github.example.com/api/v3',
  GITHUB_RUN_ID: '123456',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_SHA: 'merge0000000000000000000000000000000000000'
}
const repository = { name: 'infra', owner: { login: 'acme' } }

describe('pullRequestContext', () => {
  it.each(['pull_request', 'pull_request_target'])('takes the number and head commit of the pull request on %s', (event) => {
    const ctx = pullRequestContext(event, { number: 42, pull_request: { number: 42, head: { sha: 'head111' } }, repository }, env)
    expect(ctx).toEqual({
      eventName: event, owner: 'acme', repo: 'infra', prNumber: 42, headSha: 'head111', runId: '123456', runAttempt: 2,
      serverUrl: 'https://github.example.com', apiUrl: 'https://github.example.com/api/v3',
      runUrl: 'https://github.example.com/acme/infra/actions/runs/123456',
      summaryUrl: 'https://github.example.com/acme/infra/actions/runs/123456/attempts/2'
    })
  })

  it('finds the pull request of a comment on it, without a head commit (GITHUB_SHA is the default branch there)', () => {
    const onPr = pullRequestContext('issue_comment', { issue: { number: 7, pull_request: { url: 'x' } }, repository }, env)
    expect(onPr).toMatchObject({ prNumber: 7 })
    expect(onPr.headSha).toBeUndefined()
    expect(pullRequestContext('issue_comment', { issue: { number: 8 }, repository }, env).prNumber).toBeUndefined()
  })

  it.each(['push', 'schedule', 'workflow_dispatch'])('has no pull request on %s and uses GITHUB_SHA', (event) => {
    const ctx = pullRequestContext(event, { repository }, env)
    expect(ctx.prNumber).toBeUndefined()
    expect(ctx.headSha).toBe(env.GITHUB_SHA)
  })

  it('falls back to GITHUB_REPOSITORY, github.com and attempt 1, and builds no link without a run id', () => {
    const ctx = pullRequestContext('push', undefined, { GITHUB_REPOSITORY: 'octo/repo' })
    expect(ctx).toEqual({ eventName: 'push', owner: 'octo', repo: 'repo', runAttempt: 1, serverUrl: 'https://github.com', apiUrl: 'https://api.github.com' })
  })

  it('ignores a malformed payload', () => {
    const ctx = pullRequestContext('pull_request', { pull_request: { number: 'x', head: null } }, {})
    expect(ctx).toEqual({ eventName: 'pull_request', runAttempt: 1, serverUrl: 'https://github.com', apiUrl: 'https://api.github.com' })
  })
})
