import * as core from '@actions/core'

/**
 * An OIDC token from GitHub for `audience` (core.getIDToken reads
 * ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN and masks the token). The variables
 * exist only when the job has `permissions: id-token: write`.
 */
export async function githubIdToken(audience: string): Promise<string> {
  if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new Error('aws-role-arn needs a GitHub OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL is not set: give the job `permissions: id-token: write`')
  }
  try {
    return await core.getIDToken(audience)
  } catch (error) {
    throw new Error(`could not get a GitHub OIDC token for audience ${audience}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
