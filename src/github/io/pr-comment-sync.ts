import { describeGitHubError, type GitHubClient } from './github-client.js'

/** Recognises our comment by its hidden marker, and whether an existing one comes from a newer run than ours. */
export interface CommentMarker {
  matches(body: string): boolean
  /** True when `existingBody` was written by a newer run than the one posting now. */
  isNewer(existingBody: string): boolean
}

/** What to post where. */
export interface UpsertPrCommentInput {
  client: GitHubClient
  owner: string
  repo: string
  prNumber: number
  body: string
  marker: CommentMarker
}

/** What upsertPrComment did; `failed` carries a warning instead of throwing. */
export type UpsertPrCommentResult =
  | { action: 'created' | 'updated' | 'unchanged' | 'skipped-older-run'; id: number; url: string }
  | { action: 'failed'; warning: string }

type Comment = { id: number; body?: string | null; html_url: string }

/**
 * Keeps exactly one comment of ours on a pull request: finds it by its marker across
 * every page of comments, updates it in place, or creates it. A comment from a newer
 * run is left alone. GitHub failures come back as a warning: the run's result matters
 * more than its comment.
 */
export async function upsertPrComment(input: UpsertPrCommentInput): Promise<UpsertPrCommentResult> {
  const { client, owner, repo, prNumber, body, marker } = input
  const where = `${owner}/${repo}#${prNumber}`
  try {
    const comments: Comment[] = await client.paginate(client.rest.issues.listComments, { owner, repo, issue_number: prNumber, per_page: 100 })
    // The oldest match is the one to keep; later duplicates (a past race) are left as they are.
    const ours = comments.find((c) => marker.matches(c.body ?? ''))
    if (ours && marker.isNewer(ours.body ?? '')) return { action: 'skipped-older-run', id: ours.id, url: ours.html_url }
    if (ours && ours.body === body) return { action: 'unchanged', id: ours.id, url: ours.html_url }
    if (ours) {
      const updated = await updateComment(client, owner, repo, ours.id, body)
      if (updated) return { action: 'updated', id: updated.id, url: updated.html_url }
    }
    // None yet, or it was deleted between listing and updating.
    const { data } = await client.rest.issues.createComment({ owner, repo, issue_number: prNumber, body })
    return { action: 'created', id: data.id, url: data.html_url }
  } catch (error) {
    return { action: 'failed', warning: `could not update the pull request comment on ${where}: ${describeGitHubError(error)}` }
  }
}

/** Updates comment `id`; undefined when it no longer exists. */
async function updateComment(client: GitHubClient, owner: string, repo: string, id: number, body: string): Promise<Comment | undefined> {
  try {
    return (await client.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return undefined
    throw error
  }
}
