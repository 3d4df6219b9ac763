import { describeGitHubError, type GitHubClient } from './github-client.js'

// The first label (the drift label) red, the others yellow.
const colorOf = (index: number): string => (index === 0 ? 'd93f0b' : 'fbca04')

/** Creates the labels that owner/repo lacks; returns warnings instead of throwing. */
export async function ensureLabels(client: GitHubClient, owner: string, repo: string, names: readonly string[]): Promise<string[]> {
  const warnings: string[] = []
  for (const [index, name] of names.entries()) {
    try {
      await client.rest.issues.getLabel({ owner, repo, name })
    } catch (error) {
      if ((error as { status?: unknown }).status !== 404) {
        warnings.push(`could not check label ${name} of ${owner}/${repo}: ${describeGitHubError(error)}`)
        continue
      }
      try {
        await client.rest.issues.createLabel({ owner, repo, name, color: colorOf(index), description: 'Created by tf-orchestrator drift detection' })
      } catch (createError) {
        // 422: someone created it in between, which is what we wanted.
        if ((createError as { status?: unknown }).status !== 422) warnings.push(`could not create label ${name} in ${owner}/${repo}: ${describeGitHubError(createError)}`)
      }
    }
  }
  return warnings
}
