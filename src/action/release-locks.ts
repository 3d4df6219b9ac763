import * as core from '@actions/core'
import { resolve } from 'node:path'
import type { Environment } from '../app/environment.js'
import { describeReleased, releasePullRequestLocks } from '../app/release-pr-locks.js'
import type { RunRequest } from '../app/run-request.js'
import { deploymentCredentials } from '../aws/io/deployment-credentials.js'
import { githubIdToken } from '../aws/io/github-id-token.js'
import { loadConfig } from '../config/io/load-config.js'
import type { ActionLog } from './action-log.js'
import { readAwsSettings } from './credentials.js'
import { workflowContext } from './github-outputs.js'

/** `command: release-locks` on a `pull_request` `closed` event: the pull request lets go of every deployment it locked. */
export async function releaseLocksOfClosedPullRequest(request: RunRequest, env: Environment, log: ActionLog): Promise<void> {
  const pr = workflowContext(env)
  if (!pr.owner || !pr.repo || pr.prNumber === undefined) {
    throw new Error(`release-locks: the event (${pr.eventName || 'none'}) names no pull request; run it on pull_request closed`)
  }
  const workingDir = resolve(request.selection.workingDir)
  const config = await loadConfig(workingDir, request.selection.configPath)
  const fleet = deploymentCredentials({ settings: readAwsSettings(env), awsRoles: config.aws_roles, getIdToken: githubIdToken, onSecret: core.setSecret, log: core.info })
  await fleet.action?.()
  const ref = { repository: `${pr.owner}/${pr.repo}`, pullRequest: pr.prNumber }
  const released = await releasePullRequestLocks({
    workingDir,
    ...(request.selection.configPath ? { config: request.selection.configPath } : {}),
    pullRequest: ref,
    ...(fleet.action ? { credentials: fleet.action } : {})
  })
  log.info(describeReleased(released, ref))
}
