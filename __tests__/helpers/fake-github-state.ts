// In-memory repositories of the fake GitHub: issues (pull requests are issues with a head),
// comments and labels. No imports, so fake-github-server.mjs can run it outside jest.

/** A GitHub account as the REST API shows it. */
export interface FakeUser {
  login: string
  id: number
  type: 'Bot' | 'User'
}

/** A repository label. */
export interface FakeLabel {
  id: number
  repo: string
  name: string
  color: string
  description: string | null
}

/** An issue or, with `head`, a pull request (they share numbers, as on GitHub). */
export interface FakeIssue {
  id: number
  repo: string
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  state_reason: string | null
  labels: string[]
  user: FakeUser
  created_at: string
  updated_at: string
  closed_at: string | null
  head?: { sha: string; ref: string }
}

/** A comment on an issue or pull request. */
export interface FakeComment {
  id: number
  repo: string
  issueNumber: number
  body: string
  user: FakeUser
  created_at: string
  updated_at: string
}

/** The GitHub Actions bot, author of everything created with an unknown token. */
export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

/** Now, as GitHub writes times (no milliseconds). */
export const timestamp = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
const repoKey = (owner: string, repo: string): string => `${owner}/${repo}`.toLowerCase()

/** The state of every repository the fake serves; tests seed and inspect it directly. */
export class FakeGitHubState {
  readonly issues: FakeIssue[] = []
  readonly comments: FakeComment[] = []
  readonly labels: FakeLabel[] = []
  private nextId = 1000
  private readonly nextNumber = new Map<string, number>()

  constructor(
    readonly apiUrl: string,
    readonly htmlUrl = 'https://github.com'
  ) {}

  /** Adds an issue (or a pull request when `head` is given) to owner/repo. */
  addIssue(owner: string, repo: string, fields: { title: string; body?: string | null; labels?: string[]; state?: 'open' | 'closed'; user?: FakeUser; head?: { sha: string; ref: string } }): FakeIssue {
    const key = repoKey(owner, repo)
    const number = (this.nextNumber.get(key) ?? 0) + 1
    this.nextNumber.set(key, number)
    for (const name of fields.labels ?? []) this.ensureLabel(owner, repo, name)
    const now = timestamp()
    const issue: FakeIssue = {
      id: this.nextId++, repo: key, number, title: fields.title, body: fields.body ?? null,
      state: fields.state ?? 'open', state_reason: null, labels: [...(fields.labels ?? [])],
      user: fields.user ?? ACTIONS_BOT, created_at: now, updated_at: now,
      closed_at: fields.state === 'closed' ? now : null, ...(fields.head ? { head: fields.head } : {})
    }
    this.issues.push(issue)
    return issue
  }

  /** Adds a pull request (an issue with a head commit). */
  addPullRequest(owner: string, repo: string, fields: { title?: string; headSha?: string; headRef?: string } = {}): FakeIssue {
    return this.addIssue(owner, repo, { title: fields.title ?? 'A change', head: { sha: fields.headSha ?? 'a'.repeat(40), ref: fields.headRef ?? 'feature' } })
  }

  /** Adds a comment to issue or pull request `issueNumber`. */
  addComment(owner: string, repo: string, issueNumber: number, body: string, user: FakeUser = ACTIONS_BOT): FakeComment {
    const now = timestamp()
    const comment: FakeComment = { id: this.nextId++, repo: repoKey(owner, repo), issueNumber, body, user, created_at: now, updated_at: now }
    this.comments.push(comment)
    const issue = this.issue(owner, repo, issueNumber)
    if (issue) issue.updated_at = now
    return comment
  }

  /** The label `name` (case-insensitive), created when missing (as GitHub does for issue labels). */
  ensureLabel(owner: string, repo: string, name: string, color = 'ededed', description: string | null = null): FakeLabel {
    const found = this.label(owner, repo, name)
    if (found) return found
    const label: FakeLabel = { id: this.nextId++, repo: repoKey(owner, repo), name, color, description }
    this.labels.push(label)
    return label
  }

  /** The label `name` of owner/repo, if any. */
  label(owner: string, repo: string, name: string): FakeLabel | undefined {
    return this.labels.find((l) => l.repo === repoKey(owner, repo) && l.name.toLowerCase() === name.toLowerCase())
  }

  /** Issue or pull request `number` of owner/repo, if any. */
  issue(owner: string, repo: string, number: number): FakeIssue | undefined {
    return this.issues.find((i) => i.repo === repoKey(owner, repo) && i.number === number)
  }

  /** Issues (not pull requests) of owner/repo. */
  issuesOf(owner: string, repo: string): FakeIssue[] {
    return this.issues.filter((i) => i.repo === repoKey(owner, repo) && !i.head)
  }

  /** Comments of one issue or pull request, oldest first. */
  commentsOf(owner: string, repo: string, issueNumber: number): FakeComment[] {
    return this.comments.filter((c) => c.repo === repoKey(owner, repo) && c.issueNumber === issueNumber)
  }

  /** Marks an issue as changed now. */
  touch(issue: FakeIssue): void {
    issue.updated_at = timestamp()
  }
}
