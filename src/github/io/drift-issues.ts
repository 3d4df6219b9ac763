import { describeGitHubError, type GitHubClient } from './github-client.js'
import { ensureLabels } from './labels.js'

/** True when an issue body carries the hidden marker of `key`. */
export type MarkerMatch = (body: string, key: string) => boolean

/** A drifted deployment (or, per run, the whole run) and its rendered issue; the body holds the key's marker. */
export interface DriftIssue {
  key: string
  title: string
  body: string
}

/** Which run this is, for the "drift resolved / detected again in run X" comments. */
export interface DriftRunRef {
  id: string
  url?: string
}

interface SyncBase {
  client: GitHubClient
  owner: string
  repo: string
  drifted: DriftIssue[]
  clean: Array<{ key: string }>
  matchesKey: MarkerMatch
  run: DriftRunRef
  /** The first label marks drift issues and is how they are found again. */
  labels?: string[]
}

/** One issue per deployment (default), or one issue for the whole run (`runIssue`, open while anything drifted). */
export type SyncDriftIssuesInput = SyncBase & ({ mode?: 'per-deployment' } | { mode: 'per-run'; runIssue: DriftIssue })

/** What was done for one key. */
export interface DriftIssueOutcome {
  key: string
  action: 'created' | 'updated' | 'unchanged' | 'reopened' | 'closed' | 'none' | 'failed'
  number?: number
  url?: string
  warning?: string
}

type Issue = { number: number; title: string; body?: string | null; state: string; html_url: string; labels: Array<string | { name?: string }>; pull_request?: unknown }

const DEFAULT_LABELS = ['drift-detection', 'needs-review']

/**
 * Keeps one GitHub issue per drifted key: creates it, updates it while drift lasts,
 * comments and closes it when the drift is gone, reopens it when drift comes back.
 * Never throws: GitHub failures become warnings on the outcomes.
 */
export async function syncDriftIssues(input: SyncDriftIssuesInput): Promise<{ outcomes: DriftIssueOutcome[]; warnings: string[] }> {
  const { client, owner, repo, labels = DEFAULT_LABELS } = input
  const [drifted, clean] = input.mode === 'per-run'
    ? input.drifted.length > 0 ? [[input.runIssue], []] : [[], [{ key: input.runIssue.key }]]
    : [input.drifted, input.clean]
  const warnings = await ensureLabels(client, owner, repo, labels)
  let existing: Issue[]
  try {
    const all: Issue[] = await client.paginate(client.rest.issues.listForRepo, { owner, repo, state: 'all', per_page: 100, ...(labels[0] ? { labels: labels[0] } : {}) })
    existing = all.filter((i) => !i.pull_request)
  } catch (error) {
    const warning = `could not list drift issues of ${owner}/${repo}: ${describeGitHubError(error)}`
    const keys = [...drifted, ...clean].map((d) => d.key)
    return { outcomes: keys.map((key) => ({ key, action: 'failed', warning })), warnings: [...warnings, warning] }
  }
  const find = (key: string): Issue | undefined => {
    const matching = existing.filter((i) => input.matchesKey(i.body ?? '', key))
    // An open one first, then the newest: older closed duplicates stay closed.
    return matching.sort((a, b) => Number(b.state === 'open') - Number(a.state === 'open') || b.number - a.number)[0]
  }
  const runText = input.run.url ? `[${input.run.id}](${input.run.url})` : input.run.id
  const outcomes: DriftIssueOutcome[] = []
  for (const item of drifted) outcomes.push(await attempt(item.key, () => openDrift(client, owner, repo, item, find(item.key), labels, runText)))
  for (const { key } of clean) outcomes.push(await attempt(key, () => closeDrift(client, owner, repo, key, find(key), runText)))
  for (const o of outcomes) if (o.warning) warnings.push(o.warning)
  return { outcomes, warnings }
}

async function attempt(key: string, action: () => Promise<DriftIssueOutcome>): Promise<DriftIssueOutcome> {
  try {
    return await action()
  } catch (error) {
    return { key, action: 'failed', warning: `could not update the drift issue of ${key}: ${describeGitHubError(error)}` }
  }
}

async function openDrift(client: GitHubClient, owner: string, repo: string, item: DriftIssue, issue: Issue | undefined, labels: string[], runText: string): Promise<DriftIssueOutcome> {
  const { key, title, body } = item
  if (!issue) {
    const { data } = await client.rest.issues.create({ owner, repo, title, body, labels })
    return { key, action: 'created', number: data.number, url: data.html_url }
  }
  const done = (action: DriftIssueOutcome['action']): DriftIssueOutcome => ({ key, action, number: issue.number, url: issue.html_url })
  if (issue.state === 'closed') {
    // Keep labels people added; put ours back.
    const names = issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((n) => n !== '')
    const merged = [...new Set([...names, ...labels])]
    await client.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'open', title, body, labels: merged })
    await client.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: `Drift detected again in run ${runText}.` })
    return done('reopened')
  }
  if (issue.title === title && issue.body === body) return done('unchanged')
  await client.rest.issues.update({ owner, repo, issue_number: issue.number, title, body })
  return done('updated')
}

async function closeDrift(client: GitHubClient, owner: string, repo: string, key: string, issue: Issue | undefined, runText: string): Promise<DriftIssueOutcome> {
  if (!issue || issue.state !== 'open') return { key, action: 'none', ...(issue ? { number: issue.number, url: issue.html_url } : {}) }
  await client.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: `Drift resolved in run ${runText}.` })
  await client.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' })
  return { key, action: 'closed', number: issue.number, url: issue.html_url }
}
