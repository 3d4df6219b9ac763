import { roleArnProblem, type ArnContext } from './role-arn.js'

/** The role one deployment runs with, and where it came from. */
export interface DeploymentRole {
  roleArn: string
  /** `aws_roles` when the configuration names a role for the account, `action` for the action's own role. */
  source: 'aws_roles' | 'action'
}

/**
 * The role for a deployment of `account`: its entry in `aws_roles`, else the
 * action's role; undefined when neither exists (ambient credentials are used).
 */
export function roleForDeployment(account: string, awsRoles: Readonly<Record<string, string>>, actionRole: string | undefined): DeploymentRole | undefined {
  const own = Object.hasOwn(awsRoles, account) ? awsRoles[account] : undefined
  if (own) return { roleArn: own, source: 'aws_roles' }
  return actionRole ? { roleArn: actionRole, source: 'action' } : undefined
}

/** One message per `aws_roles` entry that is not a role ARN, naming the account. */
export function awsRolesProblems(awsRoles: Readonly<Record<string, string>>, context?: ArnContext): string[] {
  return Object.entries(awsRoles).flatMap(([account, arn]) => {
    const problem = roleArnProblem(arn, context)
    return problem ? [`aws_roles.${account}: "${arn}" ${problem}`] : []
  })
}
