import fc from 'fast-check'
import { deploymentIdFromKey, renderStateKey, stateKeyTemplateProblem } from '../../src/state/state-key.js'
import { detectServices } from '../../src/model/services.js'
import { DEFAULT_BACKEND_KEY_TEMPLATE, DEFAULT_SERVICE_MAPPING } from '../../src/config/defaults.js'

const parts = { account: 'arj-wkld-a-prd', region: 'us-east-1', project: 'test-poc-3' }

describe('state keys', () => {
  it('uses the single service', () => {
    expect(renderStateKey(DEFAULT_BACKEND_KEY_TEMPLATE, { ...parts, services: ['s3'] }, 'combined')).toBe(
      's3/arj-wkld-a-prd/us-east-1/test-poc-3/terraform.tfstate'
    )
  })

  it('uses the combined name for several services', () => {
    expect(renderStateKey(DEFAULT_BACKEND_KEY_TEMPLATE, { ...parts, services: ['kms', 's3'] }, 'combined')).toBe(
      'combined/arj-wkld-a-prd/us-east-1/test-poc-3/terraform.tfstate'
    )
  })

  it('derives the deployment id from the key', () => {
    expect(deploymentIdFromKey('s3/a/r/p/terraform.tfstate')).toBe('s3/a/r/p')
    expect(deploymentIdFromKey('a/r/p/s3.tfstate')).toBe('a/r/p/s3')
  })

  it.each([
    ['{service}/{acount}/{region}/{project}/terraform.tfstate', /unknown placeholder \{acount\}/],
    ['/{service}/{account}/{region}/{project}.tfstate', /relative/],
    ['{service}/../{account}/{region}/{project}.tfstate', /'\.\.'/],
    ['{service}/{account}/{region}.tfstate', /\{project\}/]
  ])('rejects the template %s', (template, why) => {
    expect(stateKeyTemplateProblem(template)).toMatch(why)
  })

  it('accepts the default template', () => {
    expect(stateKeyTemplateProblem(DEFAULT_BACKEND_KEY_TEMPLATE)).toBeUndefined()
  })
})

describe('service detection', () => {
  it('maps tfvars keys to services, sorted and unique', () => {
    expect(detectServices(['account_name', 's3_buckets', 'kms_keys', 's3_bucket'], DEFAULT_SERVICE_MAPPING)).toEqual(['kms', 's3'])
  })

  it('falls back to general', () => {
    expect(detectServices(['account_name', 'region', 'tags'], DEFAULT_SERVICE_MAPPING)).toEqual(['general'])
  })

  it('deploymentIdFromKey gives the id the two anchored patterns give, for any key', () => {
    const byPatterns = (key: string): string => key.replace(/\/terraform\.tfstate$/, '').replace(/\.tfstate$/, '')
    const tail = fc.constantFrom('/terraform.tfstate', '.tfstate', 'terraform.tfstate', '/terraform.tfstate.tfstate', '.tfstate/terraform.tfstate', '/x', '', '.TFSTATE', '/terraform_tfstate')
    fc.assert(
      fc.property(fc.array(tail, { maxLength: 3 }), fc.constantFrom('', 's3/a/r/p', 'x.tfstate', '/'), (tails, head) => {
        const key = head + tails.join('')
        expect(deploymentIdFromKey(key)).toBe(byPatterns(key))
      }),
      { numRuns: 2000 }
    )
  })
})
