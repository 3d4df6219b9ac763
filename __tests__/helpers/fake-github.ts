// A local stand-in for GitHub's REST API: a real HTTP server on 127.0.0.1 with in-memory
// repositories, a log of every request and switches that make the next requests fail.
// Node built-ins only, so fake-github-server.mjs can run it in its own process.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { controlRoute } from './fake-github-control.js'
import { ROUTES, notFound, type FakeReply } from './fake-github-routes.js'
import { ACTIONS_BOT, FakeGitHubState, type FakeUser } from './fake-github-state.js'

/** One request the fake received. Header names are lower case. */
export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  headers: Record<string, string>
  status: number
}

/** How an injected failure answers: 500, primary or secondary rate limit (403), 422 or 401. */
export type FailureKind = 'server-error' | 'rate-limit' | 'secondary-rate-limit' | 'validation' | 'unauthorized'

/** Which requests an injected failure applies to (all when empty). */
export interface FailureMatch {
  method?: string
  path?: RegExp
}

/** A running fake GitHub. */
export interface FakeGitHub {
  /** Base URL to use as the API URL (GITHUB_API_URL). */
  url: string
  state: FakeGitHubState
  requests: RecordedRequest[]
  /** The next `count` matching requests get a `kind` failure; `retryAfter` seconds for rate limits (default 1). */
  failNext(count: number, kind: FailureKind, match?: FailureMatch, retryAfter?: number): void
  stop(): Promise<void>
}

/** Options of the fake: `tokens` maps a token to the account it authenticates (others act as github-actions[bot]); `requireToken` answers 401 to any other. */
export interface FakeGitHubOptions {
  tokens?: Record<string, FakeUser>
  requireToken?: string
  htmlUrl?: string
}

interface Failure extends FailureMatch {
  remaining: number
  kind: FailureKind
  retryAfter: number
}

const DOCS = 'https://docs.github.com/rest'

function failureReply(failure: Failure): FakeReply {
  const reset = String(Math.floor(Date.now() / 1000) + failure.retryAfter)
  switch (failure.kind) {
    case 'server-error':
      return { status: 500, json: { message: 'Server Error', documentation_url: DOCS, status: '500' } }
    case 'rate-limit':
      return { status: 403, json: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: DOCS, status: '403' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'retry-after': String(failure.retryAfter) } }
    case 'secondary-rate-limit':
      return { status: 403, json: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: DOCS, status: '403' }, headers: { 'retry-after': String(failure.retryAfter) } }
    case 'validation':
      return { status: 422, json: { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'custom', field: 'body' }], documentation_url: DOCS, status: '422' } }
    case 'unauthorized':
      return { status: 401, json: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } }
  }
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

function send(res: ServerResponse, reply: FakeReply): void {
  const json = reply.json === undefined ? '' : JSON.stringify(reply.json)
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    'x-github-request-id': `FAKE:${Math.random().toString(16).slice(2, 10)}`,
    ...reply.headers
  })
  res.end(json)
}

/** Starts a fake GitHub REST API on a free port of 127.0.0.1. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = []
  const failures: Failure[] = []
  let state: FakeGitHubState | undefined
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const method = (req.method ?? 'GET').toUpperCase()
      const body = await readBody(req)
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]))
      const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {}
      const control = state && controlRoute(method, url.pathname, fields, fake)
      if (control) return send(res, control)
      const token = (headers.authorization ?? '').replace(/^(token|bearer)\s+/i, '')
      const failure = failures.find((f) => f.remaining > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(url.pathname)))
      let reply: FakeReply
      if (options.requireToken !== undefined && token !== options.requireToken) reply = failureReply({ remaining: 0, kind: 'unauthorized', retryAfter: 0 })
      else if (failure) {
        failure.remaining--
        reply = failureReply(failure)
      } else reply = route(method, url, fields, options.tokens?.[token] ?? ACTIONS_BOT)
      requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), body, headers, status: reply.status })
      send(res, reply)
    })().catch((error: unknown) => send(res, { status: 500, json: { message: String(error) } }))
  })

  const route = (method: string, url: URL, fields: Record<string, unknown>, user: FakeUser): FakeReply => {
    for (const r of ROUTES) {
      const match = r.method === method ? r.pattern.exec(url.pathname) : null
      if (!match || !state) continue
      const params = match.slice(1).map((p) => decodeURIComponent(p ?? ''))
      return r.handle({ state, params, query: url.searchParams, body: fields, user, selfUrl: `${base}${url.pathname}` })
    }
    return notFound()
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  state = new FakeGitHubState(base, options.htmlUrl)
  const fake: FakeGitHub = {
    url: base,
    state,
    requests,
    failNext: (count, kind, match = {}, retryAfter = 1) => void failures.push({ remaining: count, kind, retryAfter, ...match }),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      })
  }
  return fake
}
