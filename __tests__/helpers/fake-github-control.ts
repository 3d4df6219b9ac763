// Routes under /_fake/ that let another process (fake-github-server.mjs driven by a test)
// seed, inspect and break the fake. They are not GitHub routes and are not recorded.
import type { FailureKind, FailureMatch } from './fake-github.js'
import { commentJson, pullJson } from './fake-github-json.js'
import type { FakeReply } from './fake-github-routes.js'
import type { FakeGitHubState } from './fake-github-state.js'

/** The parts of a running fake the control routes reach. */
export interface Controllable {
  state: FakeGitHubState
  requests: unknown[]
  failNext(count: number, kind: FailureKind, match?: FailureMatch, retryAfter?: number): void
}

type Body = Record<string, unknown>
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/**
 * GET /_fake/requests (the log), GET /_fake/state (issues, comments, labels),
 * POST /_fake/pulls {owner, repo, headSha?} (a pull request), POST /_fake/comments
 * {owner, repo, number, body, login?}, POST /_fake/fail {count, kind, method?, path? (regexp source), retryAfter?}.
 */
export function controlRoute(method: string, path: string, body: Body, fake: Controllable): FakeReply | undefined {
  const { state } = fake
  if (method === 'GET' && path === '/_fake/requests') return { status: 200, json: fake.requests }
  if (method === 'GET' && path === '/_fake/state') return { status: 200, json: { issues: state.issues, comments: state.comments, labels: state.labels } }
  if (method === 'POST' && path === '/_fake/pulls') {
    const pr = state.addPullRequest(str(body.owner) ?? 'acme', str(body.repo) ?? 'infra', { ...(str(body.headSha) ? { headSha: str(body.headSha) } : {}) })
    return { status: 201, json: pullJson(state, pr) }
  }
  if (method === 'POST' && path === '/_fake/comments') {
    const login = str(body.login)
    const user = login ? { login, id: 1, type: 'User' as const } : undefined
    const comment = state.addComment(str(body.owner) ?? 'acme', str(body.repo) ?? 'infra', Number(body.number), str(body.body) ?? '', user)
    return { status: 201, json: commentJson(state, comment) }
  }
  if (method === 'POST' && path === '/_fake/fail') {
    const match = { ...(str(body.method) ? { method: str(body.method) } : {}), ...(str(body.path) ? { path: new RegExp(str(body.path) ?? '') } : {}) }
    fake.failNext(Number(body.count ?? 1), (str(body.kind) ?? 'server-error') as FailureKind, match, Number(body.retryAfter ?? 1))
    return { status: 204 }
  }
  return path.startsWith('/_fake/') ? { status: 404, json: { message: 'unknown control route' } } : undefined
}
