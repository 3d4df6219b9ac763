// The GitHub REST routes the orchestrator uses, answered from FakeGitHubState.
import { commentJson, issueJson, labelJson, pullJson } from './fake-github-json.js'
import { timestamp, type FakeGitHubState, type FakeIssue, type FakeUser } from './fake-github-state.js'

/** What a route handler answers. */
export interface FakeReply {
  status: number
  json?: unknown
  headers?: Record<string, string>
}

/** One request as a route handler sees it. */
export interface RouteRequest {
  state: FakeGitHubState
  params: string[]
  query: URLSearchParams
  body: Record<string, unknown>
  user: FakeUser
  /** The absolute URL of the request path (for Link headers). */
  selfUrl: string
}

const DOCS = 'https://docs.github.com/rest'
/** GitHub's 404 body. */
export const notFound = (): FakeReply => ({ status: 404, json: { message: 'Not Found', documentation_url: DOCS, status: '404' } })
/** GitHub's 422 body for one invalid field. */
export const invalid = (resource: string, field: string, code: string): FakeReply => ({
  status: 422,
  json: { message: 'Validation Failed', errors: [{ resource, code, field }], documentation_url: DOCS, status: '422' }
})

const MAX_BODY = 65536

/** A page of `items` per `per_page`/`page` (default 30, at most 100) with GitHub's Link header. */
function paginate(items: object[], req: RouteRequest): FakeReply {
  const perPage = Math.min(Math.max(Number(req.query.get('per_page') ?? 30) || 30, 1), 100)
  const page = Math.max(Number(req.query.get('page') ?? 1) || 1, 1)
  const last = Math.max(Math.ceil(items.length / perPage), 1)
  const link = (p: number, rel: string): string => {
    const query = new URLSearchParams(req.query)
    query.set('per_page', String(perPage))
    query.set('page', String(p))
    return `<${req.selfUrl}?${query.toString()}>; rel="${rel}"`
  }
  const links = [...(page > 1 ? [link(page - 1, 'prev'), link(1, 'first')] : []), ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : [])]
  return { status: 200, json: items.slice((page - 1) * perPage, page * perPage), headers: links.length > 0 ? { link: links.join(', ') } : {} }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

function findIssue(req: RouteRequest): FakeIssue | undefined {
  const [owner = '', repo = '', number = ''] = req.params
  return req.state.issue(owner, repo, Number(number))
}

function listIssues(req: RouteRequest): FakeReply {
  const [owner = '', repo = ''] = req.params
  const state = req.query.get('state') ?? 'open'
  const labels = (req.query.get('labels') ?? '').split(',').map((l) => l.trim().toLowerCase()).filter((l) => l !== '')
  const creator = req.query.get('creator')
  const direction = req.query.get('direction') ?? 'desc'
  const found = req.state.issues
    .filter((i) => i.repo === `${owner}/${repo}`.toLowerCase())
    .filter((i) => state === 'all' || i.state === state)
    .filter((i) => labels.every((l) => i.labels.some((name) => name.toLowerCase() === l)))
    .filter((i) => creator === null || i.user.login === creator)
    .sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number))
  return paginate(found.map((i) => issueJson(req.state, i)), req)
}

function createIssue(req: RouteRequest): FakeReply {
  const [owner = '', repo = ''] = req.params
  const title = text(req.body.title)
  if (!title) return invalid('Issue', 'title', 'missing_field')
  const body = text(req.body.body) ?? null
  if (body !== null && body.length > MAX_BODY) return invalid('Issue', 'body', 'custom')
  const labels = Array.isArray(req.body.labels) ? req.body.labels.map(String) : []
  return { status: 201, json: issueJson(req.state, req.state.addIssue(owner, repo, { title, body, labels, user: req.user })) }
}

function updateIssue(req: RouteRequest): FakeReply {
  const [owner = '', repo = ''] = req.params
  const issue = findIssue(req)
  if (!issue) return notFound()
  const { title, body, state, state_reason: reason, labels } = req.body
  if (state !== undefined && state !== 'open' && state !== 'closed') return invalid('Issue', 'state', 'invalid')
  if (typeof body === 'string' && body.length > MAX_BODY) return invalid('Issue', 'body', 'custom')
  if (typeof title === 'string') issue.title = title
  if (typeof body === 'string') issue.body = body
  if (Array.isArray(labels)) {
    issue.labels = labels.map(String)
    for (const name of issue.labels) req.state.ensureLabel(owner, repo, name)
  }
  if (state === 'closed' && issue.state === 'open') {
    issue.closed_at = timestamp()
    issue.state_reason = text(reason) ?? 'completed'
  }
  if (state === 'open' && issue.state === 'closed') Object.assign(issue, { closed_at: null, state_reason: 'reopened' })
  if (state === 'open' || state === 'closed') issue.state = state
  req.state.touch(issue)
  return { status: 200, json: issueJson(req.state, issue) }
}

function createComment(req: RouteRequest): FakeReply {
  const [owner = '', repo = '', number = ''] = req.params
  if (!findIssue(req)) return notFound()
  const body = text(req.body.body)
  if (!body) return invalid('IssueComment', 'body', 'missing_field')
  if (body.length > MAX_BODY) return invalid('IssueComment', 'body', 'custom')
  return { status: 201, json: commentJson(req.state, req.state.addComment(owner, repo, Number(number), body, req.user)) }
}

function updateComment(req: RouteRequest): FakeReply {
  const [owner = '', repo = '', id = ''] = req.params
  const comment = req.state.comments.find((c) => c.repo === `${owner}/${repo}`.toLowerCase() && c.id === Number(id))
  if (!comment) return notFound()
  const body = text(req.body.body)
  if (!body) return invalid('IssueComment', 'body', 'missing_field')
  if (body.length > MAX_BODY) return invalid('IssueComment', 'body', 'custom')
  comment.body = body
  comment.updated_at = timestamp()
  return { status: 200, json: commentJson(req.state, comment) }
}

function createLabel(req: RouteRequest): FakeReply {
  const [owner = '', repo = ''] = req.params
  const name = text(req.body.name)
  if (!name) return invalid('Label', 'name', 'missing_field')
  if (req.state.label(owner, repo, name)) return invalid('Label', 'name', 'already_exists')
  const label = req.state.ensureLabel(owner, repo, name, text(req.body.color) ?? 'ededed', text(req.body.description) ?? null)
  return { status: 201, json: labelJson(req.state, label) }
}

type Handler = (req: RouteRequest) => FakeReply
const seg = '([^/]+)'

/** Method + path pattern -> handler; path parameters are the regexp groups in order. */
export const ROUTES: Array<{ method: string; pattern: RegExp; handle: Handler }> = [
  { method: 'GET', pattern: new RegExp(`^/repos/${seg}/${seg}/issues$`), handle: listIssues },
  { method: 'POST', pattern: new RegExp(`^/repos/${seg}/${seg}/issues$`), handle: createIssue },
  { method: 'GET', pattern: new RegExp(`^/repos/${seg}/${seg}/issues/(\\d+)$`), handle: (req) => { const i = findIssue(req); return i ? { status: 200, json: issueJson(req.state, i) } : notFound() } },
  { method: 'PATCH', pattern: new RegExp(`^/repos/${seg}/${seg}/issues/(\\d+)$`), handle: updateIssue },
  { method: 'GET', pattern: new RegExp(`^/repos/${seg}/${seg}/issues/(\\d+)/comments$`), handle: (req) => findIssue(req) ? paginate(req.state.commentsOf(req.params[0] ?? '', req.params[1] ?? '', Number(req.params[2])).map((c) => commentJson(req.state, c)), req) : notFound() },
  { method: 'POST', pattern: new RegExp(`^/repos/${seg}/${seg}/issues/(\\d+)/comments$`), handle: createComment },
  { method: 'PATCH', pattern: new RegExp(`^/repos/${seg}/${seg}/issues/comments/(\\d+)$`), handle: updateComment },
  { method: 'GET', pattern: new RegExp(`^/repos/${seg}/${seg}/labels/${seg}$`), handle: (req) => { const l = req.state.label(req.params[0] ?? '', req.params[1] ?? '', req.params[2] ?? ''); return l ? { status: 200, json: labelJson(req.state, l) } : notFound() } },
  { method: 'POST', pattern: new RegExp(`^/repos/${seg}/${seg}/labels$`), handle: createLabel },
  { method: 'GET', pattern: new RegExp(`^/repos/${seg}/${seg}/pulls/(\\d+)$`), handle: (req) => { const i = findIssue(req); return i?.head ? { status: 200, json: pullJson(req.state, i) } : notFound() } }
]
