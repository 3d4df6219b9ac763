import { assertKnownServices, knownServices } from '../../src/config/check-services.js'
import { closestName, editDistance } from '../../src/config/did-you-mean.js'
import { ConfigError, defaultConfig, parseConfig } from '../../src/config/parse-config.js'
import { loadWorkspace } from '../../src/app/load-workspace.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('did you mean', () => {
  it.each([
    ['kms', 'kms', 0],
    ['kmss', 'kms', 1],
    ['netwrok', 'network', 1],
    ['', 'abc', 3],
    ['ca', 'abc', 3],
    ['abcd', 'acbd', 1]
  ])('distance(%j, %j) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
    expect(editDistance(b, a)).toBe(d)
  })

  it('suggests the closest name only when it is a likely typo', () => {
    const services = ['kms', 's3', 'network', 'compute', 'identity']
    expect(closestName('kmss', services)).toBe('kms')
    expect(closestName('KMS', services)).toBe('kms')
    expect(closestName('comptue', services)).toBe('compute')
    expect(closestName('database', services)).toBeUndefined()
  })
})

describe('service names in service_dependencies', () => {
  const config = (text: string) => parseConfig(text, 'cfg.yml')

  it('rejects a typo in a list, naming file, line, key path, value and the closest service', () => {
    const c = config('binary: tofu\nservice_dependencies:\n  s3:\n    - iam\n    - kmss\n')
    expect(() => assertKnownServices(c, [])).toThrow(ConfigError)
    expect(() => assertKnownServices(c, [])).toThrow(
      'cfg.yml:5: service_dependencies.s3.1: unknown service "kmss": no service mapping, built-in service or discovered deployment has it; did you mean "kms"?'
    )
  })

  it('rejects an unknown key too, and lists every problem', () => {
    const c = config('service_dependencies:\n  loadbalancr: [network]\n  cache: [netwrk]\n')
    let message = ''
    try {
      assertKnownServices(c, ['app'])
    } catch (error) {
      message = (error as Error).message
    }
    expect(message.split('\n')).toEqual([
      expect.stringMatching(/^cfg\.yml:2: service_dependencies\.loadbalancr: unknown service "loadbalancr".*did you mean "loadbalancer"\?$/),
      expect.stringMatching(/^cfg\.yml:3: service_dependencies\.cache: unknown service "cache".*known services: apigateway, app, /),
      expect.stringMatching(/^cfg\.yml:3: service_dependencies\.cache\.0: unknown service "netwrk".*did you mean "network"\?$/)
    ])
  })

  it('knows mapped, built-in and discovered services', () => {
    const c = config('service_mapping:\n  queues: mq\nservice_dependencies:\n  app: [mq, kms, general]\n')
    expect(() => assertKnownServices(c, ['app'])).not.toThrow()
    expect(knownServices(defaultConfig(), []).has('loadbalancer')).toBe(true)
    expect(() => assertKnownServices(c, [])).toThrow(/service_dependencies\.app: unknown service "app"/)
  })

  it('stops loadWorkspace before anything is ordered', async () => {
    const tmp = tempDir({
      '.tf-orchestrator.yml': 'service_dependencies:\n  app: [kmss]\n',
      'east/app/main.tf': '',
      'east/kms/main.tf': ''
    })
    try {
      await expect(loadWorkspace({ workingDir: tmp.dir, all: true })).rejects.toThrow(
        /\.tf-orchestrator\.yml:2: service_dependencies\.app\.0: unknown service "kmss".*did you mean "kms"\?/
      )
    } finally {
      tmp.cleanup()
    }
  })
})

describe('configuration messages', () => {
  it('names the offending value', () => {
    expect(() => parseConfig('max_workers: "five"\n', 'cfg.yml')).toThrow(/^cfg\.yml:1: max_workers: .*expected number.* \(got "five"\)$/)
    expect(() => parseConfig('binary: terraformx\n', 'cfg.yml')).toThrow(/^cfg\.yml:1: binary: .* \(got "terraformx"\)$/)
  })

  it('escapes control characters and cuts long values short', () => {
    let message = ''
    try {
      parseConfig(`binary: "tofu\\u001b[31m${'x'.repeat(500)}"\n`, 'cfg.yml')
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('(got "tofu\\u001b[31m')
    expect(message).not.toContain('\u001b')
    expect(message.length).toBeLessThan(250)
  })

  it('names the file and line of a cycle in service_dependencies', () => {
    const text = 'binary: tofu\nservice_dependencies:\n  network: [identity, compute]\n'
    expect(() => parseConfig(text, 'cfg.yml')).toThrow(
      'cfg.yml:3: service_dependencies.network.1: dependency cycle between services in service_dependencies: compute -> network -> compute'
    )
  })

  it('names the first configured edge of a cycle between configured services', () => {
    const text = 'service_dependencies:\n  a: []\n  b:\n    - c\n  c:\n    - b\n'
    expect(() => parseConfig(text, 'c.yml')).toThrow('c.yml:4: service_dependencies.b.0: dependency cycle between services in service_dependencies: b -> c -> b')
  })
})
