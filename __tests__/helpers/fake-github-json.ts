// The JSON shapes GitHub's REST API gives issues, pull requests, comments, labels and users.
import type { FakeComment, FakeGitHubState, FakeIssue, FakeLabel, FakeUser } from './fake-github-state.js'

/** The REST JSON of a label. */
export function labelJson(state: FakeGitHubState, label: FakeLabel): object {
  return { id: label.id, node_id: `LA_${label.id}`, url: `${state.apiUrl}/repos/${label.repo}/labels/${encodeURIComponent(label.name)}`, name: label.name, color: label.color, default: false, description: label.description }
}

/** The REST JSON of a user. */
export function userJson(state: FakeGitHubState, user: FakeUser): object {
  return { login: user.login, id: user.id, node_id: `U_${user.id}`, type: user.type, site_admin: false, html_url: `${state.htmlUrl}/${user.login}` }
}

/** The REST JSON of an issue (pull requests carry a `pull_request` key, as in issue lists). */
export function issueJson(state: FakeGitHubState, issue: FakeIssue): object {
  const kind = issue.head ? 'pull' : 'issues'
  return {
    id: issue.id, node_id: `I_${issue.id}`, number: issue.number, title: issue.title, body: issue.body,
    state: issue.state, state_reason: issue.state_reason, locked: false,
    labels: issue.labels.map((name) => labelJson(state, state.labels.find((l) => l.repo === issue.repo && l.name === name) ?? { id: 0, repo: issue.repo, name, color: 'ededed', description: null })),
    user: userJson(state, issue.user), comments: state.comments.filter((c) => c.repo === issue.repo && c.issueNumber === issue.number).length,
    url: `${state.apiUrl}/repos/${issue.repo}/issues/${issue.number}`, html_url: `${state.htmlUrl}/${issue.repo}/${kind}/${issue.number}`,
    created_at: issue.created_at, updated_at: issue.updated_at, closed_at: issue.closed_at, author_association: 'NONE',
    ...(issue.head ? { pull_request: { url: `${state.apiUrl}/repos/${issue.repo}/pulls/${issue.number}`, html_url: `${state.htmlUrl}/${issue.repo}/pull/${issue.number}` } } : {})
  }
}

/** The REST JSON of a pull request. */
export function pullJson(state: FakeGitHubState, issue: FakeIssue): object {
  return {
    id: issue.id, number: issue.number, title: issue.title, body: issue.body, state: issue.state, user: userJson(state, issue.user),
    url: `${state.apiUrl}/repos/${issue.repo}/pulls/${issue.number}`, html_url: `${state.htmlUrl}/${issue.repo}/pull/${issue.number}`,
    head: { sha: issue.head?.sha, ref: issue.head?.ref }, base: { ref: 'main' }, created_at: issue.created_at, updated_at: issue.updated_at
  }
}

/** The REST JSON of a comment. */
export function commentJson(state: FakeGitHubState, comment: FakeComment): object {
  const issue = state.issues.find((i) => i.repo === comment.repo && i.number === comment.issueNumber)
  const kind = issue?.head ? 'pull' : 'issues'
  return {
    id: comment.id, node_id: `IC_${comment.id}`, body: comment.body, user: userJson(state, comment.user),
    url: `${state.apiUrl}/repos/${comment.repo}/issues/comments/${comment.id}`,
    html_url: `${state.htmlUrl}/${comment.repo}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${state.apiUrl}/repos/${comment.repo}/issues/${comment.issueNumber}`,
    created_at: comment.created_at, updated_at: comment.updated_at, author_association: 'NONE'
  }
}
