import * as core from '@actions/core'
import { ENV, type Environment } from '../app/environment.js'
import type { Workspace } from '../app/load-workspace.js'
import { parseAwsSettings, type AwsSettings } from '../aws/aws-settings.js'
import { deploymentCredentials } from '../aws/io/deployment-credentials.js'
import { githubIdToken } from '../aws/io/github-id-token.js'
import type { RefreshingCredentials } from '../aws/io/oidc-credentials.js'
import type { RunSettings } from '../engine/run-settings.js'
import type { SelectedDeployment } from '../model/deployment.js'
import { resolveBinary } from '../terraform/io/check-binary.js'
import { restorePluginCache } from './plugin-cache.js'

/** An input as typed; empty means not given. */
const input = (name: string): string | undefined => core.getInput(name).trim() || undefined

/** The credential inputs (aws-role-arn, aws-region, role-session-name, role-duration-seconds), validated. */
export function readAwsSettings(env: Pick<Environment, 'awsRegion' | 'awsStsEndpoint' | 'workflow'>): AwsSettings | undefined {
  return parseAwsSettings({
    roleArn: input('aws-role-arn'),
    region: input('aws-region'),
    sessionName: input('role-session-name'),
    durationSeconds: input('role-duration-seconds'),
    envRegion: env.awsRegion,
    stsEndpoint: env.awsStsEndpoint,
    runId: env.workflow[ENV.githubRunId]
  })
}

/** Input plugin-cache (default true); any other value than true or false is an error naming it. */
export function readPluginCacheInput(): boolean {
  const value = input('plugin-cache') ?? 'true'
  if (!/^(true|True|TRUE|false|False|FALSE)$/.test(value)) throw new Error(`input plugin-cache: must be true or false, got ${JSON.stringify(value)}`)
  return value.toLowerCase() === 'true'
}

/** What the run needs from the preparation: each deployment's credentials, and the action's own for its S3 calls. */
export interface PreparedRun {
  /** Temporary credentials of the deployment's role for its child processes; undefined without aws-role-arn. */
  deploymentEnv: ((d: SelectedDeployment) => Promise<Record<string, string>>) | undefined
  /** The action role's provider, for the orchestrator's own S3 client (state store, backups, locks). */
  credentials: RefreshingCredentials | undefined
}

/**
 * Everything the action does before the first init: assumes the action's role
 * (so a misconfigured OIDC trust or aws_roles fails before anything runs), then
 * restores the provider plugin cache (input plugin-cache, default true).
 */
export async function prepareRun(ws: Workspace, settings: RunSettings, env: Environment): Promise<PreparedRun> {
  const aws = readAwsSettings(env)
  const fleet = deploymentCredentials({ settings: aws, awsRoles: ws.config.aws_roles, getIdToken: githubIdToken, onSecret: core.setSecret, log: core.info })
  await fleet.action?.()
  if (readPluginCacheInput()) {
    const binary = await resolveBinary(settings.binary, settings.env)
    await restorePluginCache({ dir: settings.pluginCacheDir, binary, lockRoot: ws.workingDir, log: core.info })
  }
  return {
    deploymentEnv: aws ? (d) => fleet.envFor(d.account, settings.timeoutMs) : undefined,
    credentials: fleet.action
  }
}
