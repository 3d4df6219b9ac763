import type { AwsSettings } from '../aws-settings.js'
import { awsRolesProblems, roleForDeployment } from '../role-for-deployment.js'
import { credentialsEnv, oidcCredentials, type RefreshingCredentials } from './oidc-credentials.js'

/** The action's OIDC settings, the configuration's `aws_roles`, and how tokens and secrets are handled. */
export interface DeploymentCredentialsOptions {
  settings: AwsSettings | undefined
  awsRoles: Readonly<Record<string, string>>
  getIdToken: (audience: string) => Promise<string>
  onSecret: (value: string) => void
  log?: ((line: string) => void) | undefined
  refreshMarginMs?: number | undefined
}

/** Credentials for the action's own calls and for each deployment's child processes. */
export interface DeploymentCredentials {
  /** The action role's provider for its own S3 calls (state store, audit); undefined without aws-role-arn. */
  action: RefreshingCredentials | undefined
  /**
   * Environment for a child process of a deployment in `account`, valid for at
   * least `minValidityMs` when a session allows it; `{}` when no role applies
   * (the runner's ambient credentials are inherited).
   */
  envFor(account: string, minValidityMs: number): Promise<Record<string, string>>
}

/** One refreshing provider per role, shared by every deployment that uses the role. */
export function deploymentCredentials(options: DeploymentCredentialsOptions): DeploymentCredentials {
  const { settings, awsRoles } = options
  if (!settings && Object.keys(awsRoles).length > 0) {
    throw new Error('aws_roles in the configuration needs the aws-role-arn and aws-region inputs (the tokens, region and session settings come from them)')
  }
  const problems = awsRolesProblems(awsRoles, { customSts: settings?.stsEndpoint !== undefined })
  if (problems.length > 0) throw new Error(problems.join('\n'))
  const byRole = new Map<string, RefreshingCredentials>()
  const providerFor = (s: AwsSettings, roleArn: string): RefreshingCredentials => {
    let provider = byRole.get(roleArn)
    if (!provider) {
      provider = oidcCredentials({ ...s, roleArn, getIdToken: options.getIdToken, onSecret: options.onSecret, log: options.log, refreshMarginMs: options.refreshMarginMs })
      byRole.set(roleArn, provider)
    }
    return provider
  }
  return {
    action: settings ? providerFor(settings, settings.roleArn) : undefined,
    async envFor(account, minValidityMs) {
      const role = settings ? roleForDeployment(account, awsRoles, settings.roleArn) : undefined
      if (!settings || !role) return {}
      return credentialsEnv(await providerFor(settings, role.roleArn).validFor(minValidityMs), settings.region)
    }
  }
}
