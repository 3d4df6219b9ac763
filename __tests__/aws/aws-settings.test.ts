import { parseAwsSettings } from '../../src/aws/aws-settings.js'

const role = 'arn:aws:iam::123456789012:role/deploy'

describe('the credential inputs', () => {
  it('are off without aws-role-arn, and the role-only inputs then are errors', () => {
    expect(parseAwsSettings({ region: 'us-east-1' })).toBeUndefined()
    expect(parseAwsSettings({ roleArn: '  ' })).toBeUndefined()
    expect(() => parseAwsSettings({ durationSeconds: '900' })).toThrow('input role-duration-seconds needs aws-role-arn')
  })

  it('default the session name from the run id, the duration to one hour, the region from AWS_REGION', () => {
    expect(parseAwsSettings({ roleArn: role, envRegion: 'eu-west-1', runId: '987' })).toEqual({
      roleArn: role,
      region: 'eu-west-1',
      sessionName: 'tf-orchestrator-987',
      durationSeconds: 3600,
      stsEndpoint: undefined
    })
    expect(parseAwsSettings({ roleArn: role, region: 'us-gov-west-1', envRegion: 'eu-west-1', sessionName: 'nightly', durationSeconds: '43200' })).toMatchObject({
      region: 'us-gov-west-1',
      sessionName: 'nightly',
      durationSeconds: 43200
    })
  })

  it.each([
    [{ roleArn: 'arn:aws:iam::123:role/x', region: 'us-east-1' }, 'input aws-role-arn: "arn:aws:iam::123:role/x" must have a 12-digit account id'],
    [{ roleArn: role }, 'input aws-region is required with aws-role-arn'],
    [{ roleArn: role, region: 'useast1' }, 'input aws-region: "useast1" is not an AWS region'],
    [{ roleArn: role, region: 'us-east-1', durationSeconds: '899' }, 'input role-duration-seconds: "899" must be a whole number from 900 to 43200'],
    [{ roleArn: role, region: 'us-east-1', durationSeconds: '1h' }, 'must be a whole number'],
    [{ roleArn: role, region: 'us-east-1', durationSeconds: '43201' }, 'must be a whole number'],
    [{ roleArn: role, region: 'us-east-1', sessionName: 'has space' }, 'input role-session-name: "has space" must be 2-64 characters']
  ])('refuse %j', (raw, message) => {
    expect(() => parseAwsSettings(raw)).toThrow(message)
  })

  it("take MinIO's role ARN and any region name when AWS_ENDPOINT_URL_STS points elsewhere", () => {
    const minio = 'arn:minio:iam:::role/abc'
    expect(() => parseAwsSettings({ roleArn: minio, region: 'us-east-1' })).toThrow('valid only with a custom STS endpoint')
    expect(parseAwsSettings({ roleArn: minio, region: 'local', stsEndpoint: 'http://127.0.0.1:9000' })).toMatchObject({ roleArn: minio, region: 'local', stsEndpoint: 'http://127.0.0.1:9000' })
  })
})
