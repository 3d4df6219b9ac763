// The hidden marker that lets a run find its own PR comment again and decide
// whether it may overwrite it (an older run never replaces a newer one's).

/** What the marker records about the run that wrote the comment. */
export interface CommentMarker {
  workingDir: string
  /** tf-orchestrator run id: `20261126T184959123Z-abc123`. */
  runId: string
  /** GitHub Actions run id and attempt, when the run happened there. */
  githubRunId?: number
  githubRunAttempt?: number
}

const KIND = 'tf-orchestrator:comment'
const MARKER = /<!--\s*tf-orchestrator:comment\s+([^>]*?)\s*-->/

/** `./infra/` and `infra` are the same working directory; empty means `.`. */
export function normalizeWorkingDir(dir: string): string {
  const trimmed = dir.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '')
  return trimmed === '' ? '.' : trimmed
}

/** `<!-- tf-orchestrator:comment working-dir=infra run=2026...-abc123 gh-run=42 attempt=1 -->` */
export function buildCommentMarker(m: CommentMarker): string {
  // Values are URI-encoded so spaces, `=` or `-->` in a path cannot end the marker early.
  const parts = [`working-dir=${encodeURIComponent(normalizeWorkingDir(m.workingDir))}`, `run=${encodeURIComponent(m.runId)}`]
  if (m.githubRunId !== undefined) parts.push(`gh-run=${m.githubRunId}`)
  if (m.githubRunAttempt !== undefined) parts.push(`attempt=${m.githubRunAttempt}`)
  return `<!-- ${KIND} ${parts.join(' ')} -->`
}

/** The first tf-orchestrator comment marker in a body, or undefined (any other text is ignored). */
export function parseCommentMarker(body: string): CommentMarker | undefined {
  const match = MARKER.exec(body)
  if (!match) return undefined
  const fields = new Map<string, string>()
  for (const token of (match[1] ?? '').split(/\s+/)) {
    const eq = token.indexOf('=')
    if (eq <= 0) continue
    try {
      fields.set(token.slice(0, eq), decodeURIComponent(token.slice(eq + 1)))
    } catch {
      return undefined // a malformed escape: not a marker we wrote
    }
  }
  const workingDir = fields.get('working-dir')
  const runId = fields.get('run')
  if (workingDir === undefined || !runId) return undefined
  const marker: CommentMarker = { workingDir, runId }
  const ghRun = positiveInt(fields.get('gh-run'))
  const attempt = positiveInt(fields.get('attempt'))
  if (ghRun !== undefined) marker.githubRunId = ghRun
  if (attempt !== undefined) marker.githubRunAttempt = attempt
  return marker
}

function positiveInt(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : undefined
}

/**
 * Epoch ms of a run id's timestamp (`YYYYMMDDTHHMMSS[mmm]Z-...`), or undefined
 * when the id does not start with one.
 */
export function runIdTime(runId: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})?Z/.exec(runId)
  if (!m) return undefined
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map((v) => Number(v ?? 0)) as number[]
  const t = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s, ms)
  return Number.isNaN(t) ? undefined : t
}

/**
 * Whether run `a` is strictly newer than run `b`. GitHub run ids (then attempts)
 * decide when both markers have them; otherwise the run ids' timestamps do. An id
 * without a timestamp counts as oldest, so a marker we cannot read gets replaced.
 */
export function isNewerRun(a: CommentMarker, b: CommentMarker): boolean {
  if (a.githubRunId !== undefined && b.githubRunId !== undefined) {
    if (a.githubRunId !== b.githubRunId) return a.githubRunId > b.githubRunId
    const byAttempt = (a.githubRunAttempt ?? 1) - (b.githubRunAttempt ?? 1)
    if (byAttempt !== 0) return byAttempt > 0
  }
  const ta = runIdTime(a.runId) ?? -Infinity
  const tb = runIdTime(b.runId) ?? -Infinity
  return ta > tb
}

/** A PR comment as the GitHub API lists it. */
export interface ListedComment {
  id: number
  body?: string | null
}

/**
 * The comment this working directory's runs own, if any: the one whose marker
 * names it (the newest run's when several do, for example after a race).
 */
export function findOwnComment<C extends ListedComment>(comments: readonly C[], workingDir: string): { comment: C; marker: CommentMarker } | undefined {
  const dir = normalizeWorkingDir(workingDir)
  let found: { comment: C; marker: CommentMarker } | undefined
  for (const comment of comments) {
    const marker = parseCommentMarker(comment.body ?? '')
    if (!marker || normalizeWorkingDir(marker.workingDir) !== dir) continue
    if (!found || isNewerRun(marker, found.marker)) found = { comment, marker }
  }
  return found
}

/** Whether the current run may write over a comment carrying `existing`. */
export function mayOverwrite(existing: CommentMarker, current: CommentMarker): boolean {
  return !isNewerRun(existing, current)
}

/**
 * The marker test github/io/pr-comment-sync takes: a body is ours when its marker
 * names our working directory, and newer when that marker's run is newer than ours.
 */
export function commentMarkerMatcher(current: CommentMarker): { matches(body: string): boolean; isNewer(existingBody: string): boolean } {
  const dir = normalizeWorkingDir(current.workingDir)
  const ours = (body: string): CommentMarker | undefined => {
    const m = parseCommentMarker(body)
    return m && normalizeWorkingDir(m.workingDir) === dir ? m : undefined
  }
  return {
    matches: (body) => ours(body) !== undefined,
    isNewer: (existingBody) => {
      const existing = ours(existingBody)
      return existing !== undefined && isNewerRun(existing, current)
    }
  }
}
