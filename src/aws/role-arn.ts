/**
 * IAM role ARNs: `arn:<partition>:iam::<12-digit account>:role/<path/><name>`.
 * The AWS partitions are `aws` and `aws-<suffix>` (aws-cn, aws-us-gov, aws-iso-b ...).
 * MinIO's role-policy ARN (`arn:minio:iam:::role/<id>`) is accepted only when a
 * custom STS endpoint is configured: against AWS it can never be right. (MinIO's
 * claim-based provider ignores an unknown RoleArn, so AWS-form ARNs work there too.)
 */
const AWS_ROLE = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/
const MINIO_ROLE = /^arn:minio:iam:(?:[a-z0-9-]*):(?:\d{12})?:role\/[\w+=,.@-]{1,64}$/

/** Whether a custom STS endpoint (MinIO, LocalStack...) is used instead of AWS's. */
export interface ArnContext {
  customSts: boolean
}

/** Why `arn` is not a role ARN the STS in use can assume, or undefined when it is. */
export function roleArnProblem(arn: string, context: ArnContext = { customSts: false }): string | undefined {
  if (arn.length > 2048) return 'is longer than 2048 characters'
  if (AWS_ROLE.test(arn)) return undefined
  if (context.customSts && MINIO_ROLE.test(arn)) return undefined
  if (MINIO_ROLE.test(arn)) return 'is a MinIO role ARN, valid only with a custom STS endpoint (AWS_ENDPOINT_URL_STS)'
  if (/^arn:[^:]*:iam::[^:]*:user\//.test(arn)) return 'names an IAM user; OIDC needs a role (arn:aws:iam::<account>:role/<name>)'
  if (/^arn:[^:]*:iam::(?!\d{12}:)/.test(arn)) return 'must have a 12-digit account id (arn:aws:iam::123456789012:role/<name>)'
  return 'must be an IAM role ARN like arn:aws:iam::123456789012:role/<name>'
}

/** A role session name as STS accepts it: 2-64 of [A-Za-z0-9_+=,.@-]; other characters become '-'. */
export function sessionName(wanted: string): string {
  const cleaned = wanted.replace(/[^\w+=,.@-]/g, '-').slice(0, 64)
  return cleaned.length >= 2 ? cleaned : `${cleaned}--`.slice(0, 2)
}
