import { createRedactor } from '../../src/redact/redactor.js'
import { classifyKey } from '../../src/redact/secret-keys.js'

const redact = createRedactor()

describe('redaction decisions', () => {
  it.each([
    ['CIDR prefix lengths are kept', 'cidr_block = "10.20.0.0/16", ipv6 2600:1f18:4a3:6c00::/56', 'cidr_block = "***/16", ipv6 ***/56'],
    ['a bare 4-part version is an address; with a v it is a version', 'build 1.2.3.4 and v1.2.3.4 and 5.31.0', 'build *** and v1.2.3.4 and 5.31.0'],
    ['well-known addresses stay', '0.0.0.0/0 ::/0 ::1 127.0.0.1:9000 169.254.169.254', '0.0.0.0/0 ::/0 ::1 127.0.0.1:9000 169.254.169.254'],
    ['UUIDs stay, even when their last group is 12 digits', 'run 550e8400-e29b-41d4-a716-446655440000', 'run 550e8400-e29b-41d4-a716-446655440000'],
    ['12 digits glued to letters or digits are not an account id', 'x123456789012 1234567890123 123456789012', 'x123456789012 1234567890123 ***'],
    ['the account of every partition', 'arn:aws-iso-b:iam::123456789012:role/x', 'arn:aws-iso-b:iam::***:role/x'],
    ['a service ARN with an empty region is not IPv6', 'arn:aws:ec2::123456789012:x', 'arn:aws:ec2::***:x'],
    ['SSH module sources keep git@', 'git::ssh://git@github.com/acme/m.git', 'git::ssh://git@github.com/acme/m.git'],
    ['a prose word after key: stays, a secret-looking one goes', 'ExpiredToken: The token; token: s3cr3t-v4lue', 'ExpiredToken: The token; token: ***'],
    ['plan placeholders and HCL references stay', 'password = (sensitive value)\npassword = var.db_password\ntoken = <sensitive>', 'password = (sensitive value)\npassword = var.db_password\ntoken = <sensitive>'],
    ['descriptive keys stay', 'secret_arn = "prod/db" password_length = 24 token_url=https://x.example/t', 'secret_arn = "prod/db" password_length = 24 token_url=https://x.example/t'],
    ['closing brackets after a bare value are kept', '{password=Xy7$abc}', '{password=***}'],
    ['already redacted text is left as is', 'password = "***" arn:aws:sts::***:assumed-role/r/*** ***/16', 'password = "***" arn:aws:sts::***:assumed-role/r/*** ***/16']
  ])('%s', (_why, input, expected) => {
    expect(redact(input)).toBe(expected)
  })

  it.each([
    ['db_password', 'secret'],
    ['GITHUB_TOKEN', 'secret'],
    ['apiKey', 'secret'],
    ['X-Api-Key', 'secret'],
    ['AWS_SECRET_ACCESS_KEY', 'secret'],
    ['client_secret', 'secret'],
    ['RoleSessionName', 'session'],
    ['role_session_name', 'session'],
    ['secret_arn', undefined],
    ['access_key_id', undefined],
    ['author', undefined],
    ['kms_key_id', undefined],
    ['key', undefined]
  ])('key %s is %s', (key, kind) => {
    expect(classifyKey(key)).toBe(kind)
  })

  it('keeps a 40-character commit SHA and removes a 40-character secret key standing alone', () => {
    expect(redact('commit 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39')).toBe('commit 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39')
    expect(redact('key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe('key ***')
  })
})
