import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'

let fake: FakeGitHub
beforeEach(async () => {
  fake = await startFakeGitHub()
})
afterEach(async () => fake.stop())

const items = (json: unknown): Array<Record<string, unknown>> => json as Array<Record<string, unknown>>
const call = async (base: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${base}${path}`, { method, ...(body ? { body: JSON.stringify(body) } : {}), headers: { authorization: 'token t0k' } })
  return { status: res.status, headers: res.headers, json: res.status === 204 ? undefined : ((await res.json()) as unknown) }
}

describe('the fake GitHub', () => {
  it('pages lists like GitHub, with prev/next/first/last links', async () => {
    const pr = fake.state.addPullRequest('acme', 'infra')
    for (let i = 0; i < 5; i++) fake.state.addComment('acme', 'infra', pr.number, `c${i}`)
    const page2 = await call(fake.url, 'GET', `/repos/acme/infra/issues/${pr.number}/comments?per_page=2&page=2`)
    expect(items(page2.json).map((c) => c.body)).toEqual(['c2', 'c3'])
    const link = (rel: string, page: number) => `<${fake.url}/repos/acme/infra/issues/1/comments?per_page=2&page=${page}>; rel="${rel}"`
    expect(page2.headers.get('link')).toBe([link('prev', 1), link('first', 1), link('next', 3), link('last', 3)].join(', '))
    expect((await call(fake.url, 'GET', '/repos/acme/infra/issues/1/comments?per_page=2&page=3')).headers.get('link')).not.toContain('rel="next"')
  })

  it('filters issues by state, labels and creator, newest first', async () => {
    fake.state.addIssue('acme', 'infra', { title: 'a', labels: ['drift-detection'] })
    fake.state.addIssue('acme', 'infra', { title: 'b', labels: ['drift-detection', 'x'], state: 'closed' })
    fake.state.addIssue('acme', 'infra', { title: 'c', user: { login: 'alice', id: 2, type: 'User' } })
    const titles = async (query: string) => items((await call(fake.url, 'GET', `/repos/acme/infra/issues?${query}`)).json).map((i) => i.title)
    expect(await titles('')).toEqual(['c', 'a'])
    expect(await titles('state=all&labels=drift-detection')).toEqual(['b', 'a'])
    expect(await titles('state=all&labels=drift-detection,x')).toEqual(['b'])
    expect(await titles('state=closed')).toEqual(['b'])
    expect(await titles('state=all&creator=alice')).toEqual(['c'])
  })

  it('answers GitHub errors: 404 for unknown routes, 422 for a duplicate label, injected 403 with rate-limit headers', async () => {
    expect(await call(fake.url, 'GET', '/repos/acme/infra/nothing')).toMatchObject({ status: 404, json: { message: 'Not Found' } })
    expect((await call(fake.url, 'POST', '/repos/acme/infra/labels', { name: 'drift' })).status).toBe(201)
    expect(await call(fake.url, 'POST', '/repos/acme/infra/labels', { name: 'Drift' })).toMatchObject({ status: 422, json: { errors: [{ code: 'already_exists' }] } })
    fake.failNext(1, 'rate-limit', { path: /labels/ }, 3)
    const limited = await call(fake.url, 'GET', '/repos/acme/infra/labels/drift')
    expect([limited.status, limited.headers.get('x-ratelimit-remaining'), limited.headers.get('retry-after')]).toEqual([403, '0', '3'])
    expect((await call(fake.url, 'GET', '/repos/acme/infra/labels/drift')).status).toBe(200)
    expect(fake.requests.map((r) => `${r.method} ${r.status} ${r.headers.authorization}`)).toContain('POST 201 token t0k')
  })

  it('runs in its own process, driven over HTTP', async () => {
    const child = spawn(process.execPath, ['__tests__/helpers/fake-github-server.mjs'], { stdio: ['ignore', 'pipe', 'inherit'] })
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string]
      const { url } = JSON.parse(line) as { url: string }
      expect((await call(url, 'POST', '/_fake/pulls', { owner: 'acme', repo: 'infra', headSha: 'abc' })).json).toMatchObject({ number: 1, head: { sha: 'abc' } })
      await call(url, 'POST', '/_fake/fail', { count: 1, kind: 'server-error' })
      expect((await call(url, 'POST', '/repos/acme/infra/issues/1/comments', { body: 'hi' })).status).toBe(500)
      expect((await call(url, 'POST', '/repos/acme/infra/issues/1/comments', { body: 'hi' })).status).toBe(201)
      expect((await call(url, 'GET', '/_fake/state')).json).toMatchObject({ comments: [{ body: 'hi', issueNumber: 1 }] })
      expect(items((await call(url, 'GET', '/_fake/requests')).json).map((r) => r.status)).toEqual([500, 201])
    } finally {
      child.kill('SIGTERM')
    }
    expect((await once(child, 'exit'))[0]).toBe(0)
  })
})
