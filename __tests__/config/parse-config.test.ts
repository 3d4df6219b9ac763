import { ConfigError, defaultConfig, parseConfig } from '../../src/config/parse-config.js'
import { loadConfig } from '../../src/config/io/load-config.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('configuration', () => {
  it('works with no file at all', () => {
    const config = defaultConfig()
    expect(config.serviceMapping.s3_buckets).toBe('s3')
    expect(config.serviceDependencies.network).toEqual(['identity'])
    expect(config.backend_key_template).toBe('{service}/{account}/{region}/{project}/terraform.tfstate')
    expect(config.policies.mode).toBe('enforce')
    expect(config.state).toEqual({ type: 'local', dir: '.tf-orchestrator/state' })
  })

  it('merges service maps over the defaults', () => {
    const config = parseConfig('service_mapping:\n  queues: sqs\nservice_dependencies:\n  loadbalancer: [network, compute]\n', 'cfg.yml')
    expect(config.serviceMapping.queues).toBe('sqs')
    expect(config.serviceMapping.s3_buckets).toBe('s3')
    expect(config.serviceDependencies.loadbalancer).toEqual(['network', 'compute'])
    expect(config.serviceDependencies.compute).toEqual(['network', 'identity'])
  })

  it('names file, key path and line for a wrong value', () => {
    const text = 'layouts:\n  - type: tfvars\n    roots: [deployments]\n  - type: stacks\n    account: "bad/acct"\n'
    expect(() => parseConfig(text, 'cfg.yml')).toThrow(/^cfg\.yml:5: layouts\.1\.account: must be letters/)
  })

  it('names an unknown key and its line', () => {
    expect(() => parseConfig('binary: tofu\nmax_workrs: 3\n', 'cfg.yml')).toThrow('cfg.yml:2: max_workrs: unknown key "max_workrs"')
  })

  it('rejects an unknown layout type', () => {
    expect(() => parseConfig('layouts:\n  - type: terragrunt\n', 'cfg.yml')).toThrow(/^cfg\.yml:2: layouts\.0\.type: /)
  })

  it('reports YAML syntax errors with the line', () => {
    expect(() => parseConfig('binary: tofu\nlayouts: [\n', 'cfg.yml')).toThrow(/^cfg\.yml:\d+: invalid YAML/)
  })

  it('rejects paths that leave the working directory', () => {
    expect(() => parseConfig('policies:\n  paths: ["../elsewhere"]\n', 'cfg.yml')).toThrow(/cfg\.yml:2: policies\.paths\.0: must be a path inside/)
  })

  it('rejects a bad state key template', () => {
    expect(() => parseConfig('backend_key_template: "{service}/{region}.tfstate"\n', 'cfg.yml')).toThrow(ConfigError)
  })

  it('validates waivers, including the expiry date', () => {
    expect(() => parseConfig('policies:\n  waivers:\n    - rule: AWS-S3-001\n      reason: legacy bucket\n      expires: 31/12/2026\n', 'c.yml')).toThrow(
      /c\.yml:5: policies\.waivers\.0\.expires/
    )
  })

  it('loads .tf-orchestrator.yml from the working directory, and fails for a missing explicit file', async () => {
    const tmp = tempDir({ '.tf-orchestrator.yml': 'max_workers: 3\n' })
    try {
      expect((await loadConfig(tmp.dir)).max_workers).toBe(3)
      await expect(loadConfig(tmp.dir, `${tmp.dir}/missing.yml`)).rejects.toThrow(/missing\.yml: cannot read/)
    } finally {
      tmp.cleanup()
    }
  })
})
