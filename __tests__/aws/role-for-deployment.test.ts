import { roleArnProblem, sessionName } from '../../src/aws/role-arn.js'
import { awsRolesProblems, roleForDeployment } from '../../src/aws/role-for-deployment.js'

describe('role ARNs', () => {
  it.each([
    'arn:aws:iam::123456789012:role/deploy',
    'arn:aws-cn:iam::123456789012:role/deploy',
    'arn:aws-us-gov:iam::123456789012:role/ci/github/deploy+plan=x,y.z@w-1',
    'arn:aws-iso-b:iam::123456789012:role/deploy'
  ])('accepts %s everywhere', (arn) => {
    expect(roleArnProblem(arn)).toBeUndefined()
    expect(roleArnProblem(arn, { customSts: true })).toBeUndefined()
  })

  it.each([
    ['arn:aws:iam::1234:role/deploy', 'must have a 12-digit account id'],
    ['arn:aws:iam::123456789012:user/bob', 'names an IAM user'],
    ['arn:aws:sts::123456789012:assumed-role/deploy/session', 'must be an IAM role ARN'],
    ['arn:aws:iam::123456789012:role/', 'must be an IAM role ARN'],
    ['arn:aws:iam::123456789012:role/has space', 'must be an IAM role ARN'],
    [`arn:aws:iam::123456789012:role/${'r'.repeat(65)}`, 'must be an IAM role ARN'],
    ['arn:awsx:iam::123456789012:role/deploy', 'must be an IAM role ARN'],
    ['deploy', 'must be an IAM role ARN']
  ])('refuses %s: %s', (arn, problem) => {
    expect(roleArnProblem(arn)).toContain(problem)
  })

  it("accepts MinIO's role-policy ARN only with a custom STS endpoint", () => {
    const minio = 'arn:minio:iam:::role/dRTw5yCNe8Gn2hR9wz0x7C'
    expect(roleArnProblem(minio, { customSts: true })).toBeUndefined()
    expect(roleArnProblem(minio)).toBe('is a MinIO role ARN, valid only with a custom STS endpoint (AWS_ENDPOINT_URL_STS)')
  })

  it('makes a session name STS accepts out of anything', () => {
    expect(sessionName('tf-orchestrator-1234567')).toBe('tf-orchestrator-1234567')
    expect(sessionName('run #12 by octo/cat')).toBe('run--12-by-octo-cat')
    expect(sessionName('x')).toBe('x-')
    expect(sessionName('a'.repeat(100))).toHaveLength(64)
  })
})

describe('the role of a deployment', () => {
  const roles = { 'acme-dev': 'arn:aws:iam::111111111111:role/deploy', 'acme-prod': 'arn:aws:iam::222222222222:role/deploy' }
  const action = 'arn:aws:iam::333333333333:role/state'

  it("takes the account's role from aws_roles, else the action's role, else none", () => {
    expect(roleForDeployment('acme-prod', roles, action)).toEqual({ roleArn: roles['acme-prod'], source: 'aws_roles' })
    expect(roleForDeployment('acme-test', roles, action)).toEqual({ roleArn: action, source: 'action' })
    expect(roleForDeployment('acme-test', roles, undefined)).toBeUndefined()
    expect(roleForDeployment('toString', roles, action)).toEqual({ roleArn: action, source: 'action' })
  })

  it('names every account whose aws_roles entry is not a role ARN', () => {
    expect(awsRolesProblems({ ...roles, bad: 'arn:aws:iam::123456789012:user/bob', worse: 'role/x' })).toEqual([
      'aws_roles.bad: "arn:aws:iam::123456789012:user/bob" names an IAM user; OIDC needs a role (arn:aws:iam::<account>:role/<name>)',
      'aws_roles.worse: "role/x" must be an IAM role ARN like arn:aws:iam::123456789012:role/<name>'
    ])
    expect(awsRolesProblems(roles)).toEqual([])
  })
})
