import { gateModule, regoPackage } from '../../src/policy/gate-module.js'
import { decideVerdict, matchesDeployment, toFinding, verdictSummary } from '../../src/policy/verdict.js'

const deny = [{ id: 'AWS-S3-001', msg: 'aws_s3_bucket.a: not encrypted', severity: 'critical' }]
const waiver = { rule: 'AWS-S3-001', deployment: 's3/acme-dev/**', reason: 'legacy bucket', expires: '2026-12-31' }

describe('policy verdicts', () => {
  it('blocks on a deny in enforce mode', () => {
    const v = decideVerdict({ deploymentId: 's3/acme-dev/us-east-1/p', mode: 'enforce', deny, warn: [], waivers: [], today: '2026-11-25' })
    expect(v.allowed).toBe(false)
    expect(verdictSummary(v)).toBe('blocked by policy: 1 denied: AWS-S3-001')
  })

  it('reports but allows in warn mode', () => {
    const v = decideVerdict({ deploymentId: 'x', mode: 'warn', deny, warn: ['be careful'], waivers: [], today: '2026-11-25' })
    expect(v.allowed).toBe(true)
    expect(verdictSummary(v)).toBe('policy passed: 1 denied (warn mode): AWS-S3-001; 1 warning')
  })

  it('lets a current waiver through and reports it', () => {
    const v = decideVerdict({ deploymentId: 's3/acme-dev/us-east-1/p', mode: 'enforce', deny, warn: [], waivers: [waiver], today: '2026-12-31' })
    expect(v.allowed).toBe(true)
    expect(v.waived).toEqual([{ finding: expect.objectContaining({ id: 'AWS-S3-001' }), waiver }])
    expect(verdictSummary(v)).toBe('policy passed: 1 waived: AWS-S3-001')
  })

  it('stops honouring an expired waiver and says so', () => {
    const v = decideVerdict({ deploymentId: 's3/acme-dev/us-east-1/p', mode: 'enforce', deny, warn: [], waivers: [waiver], today: '2027-01-01' })
    expect(v.allowed).toBe(false)
    expect(v.expiredWaivers).toEqual([waiver])
    expect(verdictSummary(v)).toBe('blocked by policy: 1 denied: AWS-S3-001; expired waiver: AWS-S3-001 (expired 2026-12-31)')
  })

  it('does not apply a waiver to another deployment or rule', () => {
    const other = decideVerdict({ deploymentId: 's3/acme-prd/us-east-1/p', mode: 'enforce', deny, warn: [], waivers: [waiver], today: '2026-01-01' })
    expect(other.allowed).toBe(false)
    const noId = decideVerdict({ deploymentId: 's3/acme-dev/r/p', mode: 'enforce', deny: ['plain message'], warn: [], waivers: [waiver], today: '2026-01-01' })
    expect(noId.allowed).toBe(false)
  })

  it('fails closed on an evaluation error, even with nothing denied', () => {
    const v = decideVerdict({ deploymentId: 'x', mode: 'enforce', deny: [], warn: [], waivers: [], errors: ['OPA did not answer'], today: '2026-01-01' })
    expect(v.allowed).toBe(false)
    expect(verdictSummary(v)).toBe('policy evaluation failed (fail closed): OPA did not answer')
  })

  it('normalises conftest-style results', () => {
    expect(toFinding('no public buckets')).toEqual({ msg: 'no public buckets' })
    expect(toFinding({ msg: 'm', id: 'X-1', details: 1 })).toEqual({ id: 'X-1', msg: 'm', severity: undefined, resource: undefined, remediation: undefined })
  })

  it('matches deployment globs within one segment', () => {
    expect(matchesDeployment('s3/acme-dev/*/p', 's3/acme-dev/us-east-1/p')).toBe(true)
    expect(matchesDeployment('s3/*', 's3/acme-dev/us-east-1/p')).toBe(false)
    expect(matchesDeployment('*', 'x')).toBe(true)
    expect(matchesDeployment('s3/acme-dev/**', 's3/acme-dev/us-east-1/p')).toBe(true)
    expect(matchesDeployment('**', 's3/acme-dev/us-east-1/p')).toBe(true)
  })
})

describe('the gate module', () => {
  it('reads a module package', () => {
    expect(regoPackage('# comment\npackage tforch.aws.s3\n\nimport data.x\n')).toBe('tforch.aws.s3')
    expect(regoPackage('no package here')).toBeUndefined()
  })

  it('gathers deny and warn of every package once', () => {
    const text = gateModule(['main', 'tforch.aws.s3', 'main'])
    expect(text.match(/data\.main\.deny/g)).toHaveLength(1)
    expect(text).toContain('warn contains finding(r) if some r in data.tforch.aws.s3.warn')
  })
})
