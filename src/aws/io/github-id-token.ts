import * as core from '@actions/core'

/**
 * An OIDC token from GitHub for `audience`: core.getIDToken reads
 * ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN and masks the token. Those variables
 * exist only when the job has `permissions: id-token: write`, which the error says.
 */
export async function githubIdToken(audience: string): Promise<string> {
  try {
    return await core.getIDToken(audience)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const hint = /ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN) env/.test(message) ? ' (aws-role-arn needs the job permission `id-token: write`)' : ''
    throw new Error(`could not get a GitHub OIDC token for audience ${audience}: ${message}${hint}`)
  }
}
