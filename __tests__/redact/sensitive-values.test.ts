import { createRedactor } from '../../src/redact/redactor.js'
import { sensitiveValuesFromPlan } from '../../src/redact/sensitive-values.js'
import { readData } from './corpus.js'

const planText = readData('plan-sensitive.json')
const plan: unknown = JSON.parse(planText)
const password = 'Vq8#mZ2!rT5&wL'
const pem = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEpAIBAAKCAQEAx7Fq2hR8kPz2aF1nJ6dH4oT5uE3iG0wKx2YzqT7bN9cL5mD1',
  'fE8gH2jK4lM6nP8qR0sT2uV4wX6yZ8aB0cD2eF4gH6iJ8kL0mN2oP4qR6sT8uV0w',
  '-----END RSA PRIVATE KEY-----',
  ''
].join('\n')

const expected = [
  password,
  '4f9c2e7a1b3d5f8e0a2c4e6b8d0f1a3c', // a sensitive variable: every scalar of its object value
  'datadoghq.eu',
  `postgresql://app:${password}@acme-prd-euw1-app:5432/app`, // sensitive outputs
  'ct-7Hq2Lw9Zp4Xr',
  'ct-3Mn8Kd1Vb6Yt',
  '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', // planned_values sensitive_values
  pem, // a child module's resource
  'old-hook-Kp3Wd8Qz', // before_sensitive and after_sensitive of an update
  'new-hook-Tz5Rb2Ym',
  'sk-test-9Xq2Wm4Lr7Pz', // masks nested in lists and maps
  'sk-test-4Hb8Nc1Qv6Ys',
  '8080', // numbers as strings
  'arn:aws:lambda:eu-west-1:123456789012:layer:secrets:1', // [false, true] masks only the second element
  'arn:aws:lambda:eu-west-1:123456789012:layer:secrets:2',
  'drift-Secret-Wq7Er2Ty9Ui4', // resource_drift and prior_state resources
  'adm-Old-6Ty1Hn', // output_changes and prior_state outputs
  'adm-New-8Ju3Km',
  '48213',
  'BHq8Wm2Lr7Pz4Xn1Kd6Vb3Yt9Ce5Fg0Ja'
]

describe('sensitiveValuesFromPlan', () => {
  it('collects every value the plan marks sensitive, longest first, and nothing else', () => {
    const values = sensitiveValuesFromPlan(plan)
    expect([...values].sort()).toEqual([...expected].sort())
    expect(values.map((v) => v.length)).toEqual([...values.map((v) => v.length)].sort((a, b) => b - a))
  })

  it('skips trivial values: booleans, "on", and non-sensitive neighbours', () => {
    const values = sensitiveValuesFromPlan(plan)
    for (const kept of ['on', 'true', 'eu-west-1', 'acme-prd', 'platform', '5432', 'AKIAEXAMPLEPRIOR0001', 'arn:aws:lambda:eu-west-1:123456789012:layer:otel:3']) {
      expect(values).not.toContain(kept)
    }
  })

  it('returns nothing for a plan without sensitive values, or for something that is not a plan', () => {
    expect(sensitiveValuesFromPlan(JSON.parse(readData('../plans/aws-fleet-combined-create.json')))).toEqual([])
    for (const notAPlan of [null, 42, 'plan', [], { resource_changes: 'x', variables: [1] }]) expect(sensitiveValuesFromPlan(notAPlan)).toEqual([])
  })

  it('a redactor given them clears the plan JSON as tofu writes it (Go-escaped &) and the plan text', () => {
    const redact = createRedactor({ sensitiveValues: sensitiveValuesFromPlan(plan) })
    const human = [
      `  ~ value = "old-hook-Kp3Wd8Qz" -> "new-hook-Tz5Rb2Ym"`,
      '  + private_key_pem = <<-EOT',
      ...pem.trimEnd().split('\n').map((l) => `        ${l}`),
      '    EOT',
      `connection: postgresql://app:${password}@acme-prd-euw1-app:5432/app`
    ].join('\n')
    for (const text of [planText, JSON.stringify(plan), human]) {
      const out = redact(text)
      expect(expected.filter((v) => out.includes(v))).toEqual([])
      expect(out).not.toContain('Vq8#mZ2!rT5\\u0026wL')
    }
    expect(redact(planText)).toContain('"region": {\n      "value": "eu-west-1"')
  })

  it('hands every sensitive value to onSecretLearned once, when the redactor is made', () => {
    const learned: string[] = []
    const redact = createRedactor({ sensitiveValues: [password, password, 'ab', 'true'], onSecretLearned: (v) => learned.push(v) })
    // The JSON-escaped form too: the runner then also masks it in raw plan JSON.
    expect(learned).toEqual(['Vq8#mZ2!rT5\\u0026wL', password])
    redact(`pw ${password}`)
    expect(learned).toHaveLength(2)
  })
})
