/** The GitHub Actions variables this reads (GITHUB_REPOSITORY, GITHUB_RUN_ID ...), passed in by the caller. */
export type WorkflowEnv = Readonly<Record<string, string | undefined>>

/** Where a run happens and what it may comment on. */
export interface PullRequestContext {
  eventName: string
  owner?: string
  repo?: string
  /** The pull request to comment on; absent on push, schedule, workflow_dispatch ... */
  prNumber?: number
  /** The commit under test: the PR head when known, else GITHUB_SHA. Absent on issue_comment (GITHUB_SHA is the default branch there). */
  headSha?: string
  runId?: string
  runAttempt: number
  serverUrl: string
  apiUrl: string
  /** The workflow run page, and the page of this attempt (where job summaries are shown). */
  runUrl?: string
  summaryUrl?: string
}

type Json = Record<string, unknown>
const obj = (value: unknown): Json | undefined => (value !== null && typeof value === 'object' ? (value as Json) : undefined)
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)
const positive = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined)

/** The pull request and head commit an event is about. */
function pullRequestOf(eventName: string, payload: Json): { prNumber?: number; headSha?: string } {
  const pr = obj(payload.pull_request)
  // pull_request, pull_request_target, pull_request_review, pull_request_review_comment.
  if (eventName.startsWith('pull_request') && pr) {
    const prNumber = positive(pr.number) ?? positive(payload.number)
    const headSha = str(obj(pr.head)?.sha)
    return { ...(prNumber ? { prNumber } : {}), ...(headSha ? { headSha } : {}) }
  }
  const issue = obj(payload.issue)
  // A comment on a pull request is an issue_comment whose issue has a pull_request key.
  if (eventName === 'issue_comment' && issue && obj(issue.pull_request)) {
    const prNumber = positive(issue.number)
    return prNumber ? { prNumber } : {}
  }
  return {}
}

/** Owner, repo, pull request, head commit and run links from an event payload and the workflow variables. */
export function pullRequestContext(eventName: string, payload: unknown, env: WorkflowEnv): PullRequestContext {
  const event = obj(payload) ?? {}
  const repository = obj(event.repository)
  const [envOwner, envRepo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const owner = str(obj(repository?.owner)?.login) ?? str(envOwner)
  const repo = str(repository?.name) ?? str(envRepo)
  const { prNumber, headSha: prSha } = pullRequestOf(eventName, event)
  const headSha = prSha ?? (eventName === 'issue_comment' ? undefined : str(env.GITHUB_SHA))
  const serverUrl = (str(env.GITHUB_SERVER_URL) ?? 'https://github.com').replace(/\/+$/, '')
  const apiUrl = (str(env.GITHUB_API_URL) ?? 'https://api.github.com').replace(/\/+$/, '')
  const runId = str(env.GITHUB_RUN_ID)
  const runAttempt = Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10) > 0 ? Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10) : 1
  const runUrl = owner && repo && runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined
  return {
    eventName,
    runAttempt,
    serverUrl,
    apiUrl,
    ...(owner ? { owner } : {}),
    ...(repo ? { repo } : {}),
    ...(prNumber ? { prNumber } : {}),
    ...(headSha ? { headSha } : {}),
    ...(runId ? { runId } : {}),
    ...(runUrl ? { runUrl, summaryUrl: `${runUrl}/attempts/${runAttempt}` } : {})
  }
}
