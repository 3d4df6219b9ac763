import { roleArnProblem, sessionName } from './role-arn.js'

/** How the action gets AWS credentials through GitHub OIDC. */
export interface AwsSettings {
  roleArn: string
  region: string
  sessionName: string
  durationSeconds: number
  /** A custom STS endpoint (AWS_ENDPOINT_URL_STS), e.g. MinIO's; AWS's regional STS otherwise. */
  stsEndpoint?: string | undefined
}

/** The inputs as typed (`aws-role-arn`, `aws-region`, `role-session-name`, `role-duration-seconds`). */
export interface RawAwsInputs {
  roleArn?: string | undefined
  region?: string | undefined
  sessionName?: string | undefined
  durationSeconds?: string | undefined
  /** Fallbacks from the environment: AWS_REGION / AWS_DEFAULT_REGION, AWS_ENDPOINT_URL_STS, GITHUB_RUN_ID. */
  envRegion?: string | undefined
  stsEndpoint?: string | undefined
  runId?: string | undefined
}

// STS accepts 900 s to 12 h; the role's own maximum session duration may be lower.
export const MIN_DURATION_SECONDS = 900
export const MAX_DURATION_SECONDS = 43_200
export const DEFAULT_DURATION_SECONDS = 3600
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/

/**
 * Validates the credential inputs; undefined without `aws-role-arn` (the
 * runner's ambient credentials are used). Errors name the input.
 */
export function parseAwsSettings(raw: RawAwsInputs): AwsSettings | undefined {
  const roleArn = raw.roleArn?.trim()
  if (!roleArn) {
    for (const [name, value] of [['role-session-name', raw.sessionName], ['role-duration-seconds', raw.durationSeconds]] as const)
      if (value?.trim()) throw new Error(`input ${name} needs aws-role-arn`)
    return undefined
  }
  const stsEndpoint = raw.stsEndpoint?.trim() || undefined
  const problem = roleArnProblem(roleArn, { customSts: stsEndpoint !== undefined })
  if (problem) throw new Error(`input aws-role-arn: "${roleArn}" ${problem}`)
  const region = raw.region?.trim() || raw.envRegion?.trim()
  if (!region) throw new Error('input aws-region is required with aws-role-arn (or set AWS_REGION)')
  if (!REGION.test(region) && !stsEndpoint) throw new Error(`input aws-region: "${region}" is not an AWS region like us-east-1`)
  const durationText = raw.durationSeconds?.trim() || String(DEFAULT_DURATION_SECONDS)
  const durationSeconds = Number(durationText)
  if (!/^\d+$/.test(durationText) || durationSeconds < MIN_DURATION_SECONDS || durationSeconds > MAX_DURATION_SECONDS)
    throw new Error(`input role-duration-seconds: "${durationText}" must be a whole number from ${MIN_DURATION_SECONDS} to ${MAX_DURATION_SECONDS}`)
  const wanted = raw.sessionName?.trim()
  if (wanted && !/^[\w+=,.@-]{2,64}$/.test(wanted))
    throw new Error(`input role-session-name: "${wanted}" must be 2-64 characters of letters, digits and _+=,.@-`)
  return { roleArn, region, sessionName: wanted ?? sessionName(`tf-orchestrator-${raw.runId ?? 'local'}`), durationSeconds, stsEndpoint }
}
