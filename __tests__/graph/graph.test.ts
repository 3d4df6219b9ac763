import { CycleError, executionLevels, findCycle, type DependencyGraph } from '../../src/graph/dag.js'
import { buildExecutionGraph, DependencyConfigError } from '../../src/graph/deployment-graph.js'
import { serviceClosure } from '../../src/graph/service-dependencies.js'
import { DEFAULT_SERVICE_DEPENDENCIES } from '../../src/config/defaults.js'
import type { Deployment } from '../../src/model/deployment.js'

const graph = (edges: Record<string, string[]>): DependencyGraph => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]))

function deployment(service: string | string[], account = 'a', region = 'r', project = 'p'): Deployment {
  const services = Array.isArray(service) ? service : [service]
  const id = `${services.length > 1 ? 'combined' : services[0]}/${account}/${region}/${project}`
  return { id, name: id, layout: 'stacks', account, region, project, services, stateKey: `${id}/terraform.tfstate`, rootDir: id, source: id }
}

describe("Kahn's execution levels", () => {
  it('orders dependencies first and groups independent nodes', () => {
    const levels = executionLevels(graph({ identity: [], network: ['identity'], compute: ['network'], database: ['network'], lb: ['compute'] }))
    expect(levels).toEqual([['identity'], ['network'], ['compute', 'database'], ['lb']])
  })

  it('reports a cycle with its path instead of running it last', () => {
    const g = graph({ identity: [], network: ['compute', 'identity'], compute: ['network'] })
    expect(() => executionLevels(g, 'services')).toThrow(CycleError)
    expect(() => executionLevels(g, 'services')).toThrow('dependency cycle between services: compute -> network -> compute')
    expect(findCycle(g)).toEqual(['compute', 'network', 'compute'])
  })

  it('finds a self-loop', () => {
    expect(findCycle(graph({ a: ['a'] }))).toEqual(['a', 'a'])
  })

  it('returns no levels for an empty graph', () => {
    expect(executionLevels(new Map())).toEqual([])
  })
})

describe('service dependencies', () => {
  it('closes transitively', () => {
    const closure = serviceClosure(DEFAULT_SERVICE_DEPENDENCIES)
    expect([...(closure.get('dns') ?? [])].sort()).toEqual(['identity', 'network'])
  })

  it('rejects a cycle in the configuration, printing it', () => {
    expect(() => serviceClosure({ network: ['compute'], compute: ['network'] })).toThrow(
      'dependency cycle between services in service_dependencies: compute -> network -> compute'
    )
  })
})

describe('deployment graph', () => {
  const deps = { ...DEFAULT_SERVICE_DEPENDENCIES }

  it('orders the OCI stack services', () => {
    const all = ['identity', 'network', 'compute', 'database', 'loadbalancer'].map((s) => deployment(s))
    const { levels } = buildExecutionGraph({ all, serviceDependencies: { ...deps, loadbalancer: ['network', 'identity', 'compute'] }, explicit: {} })
    expect(levels.map((l) => l.map((id) => id.split('/')[0]))).toEqual([['identity'], ['network'], ['compute', 'database'], ['loadbalancer']])
  })

  it('links only deployments in the same account and region', () => {
    const all = [deployment('kms', 'a', 'r1'), deployment('s3', 'a', 'r1'), deployment('s3', 'a', 'r2'), deployment('s3', 'b', 'r1')]
    const { dependencies } = buildExecutionGraph({ all, serviceDependencies: deps, explicit: {} })
    expect([...(dependencies.get('s3/a/r1/p') ?? [])]).toEqual(['kms/a/r1/p'])
    expect(dependencies.get('s3/a/r2/p')?.size).toBe(0)
    expect(dependencies.get('s3/b/r1/p')?.size).toBe(0)
  })

  it('does not invent a cycle between two combined deployments that provide what they need', () => {
    const all = [deployment(['kms', 's3'], 'a', 'r', 'one'), deployment(['kms', 's3'], 'a', 'r', 'two')]
    const { levels } = buildExecutionGraph({ all, serviceDependencies: deps, explicit: {} })
    expect(levels).toEqual([['combined/a/r/one', 'combined/a/r/two']])
  })

  it('keeps the order through a deployment that is not selected', () => {
    const all = ['identity', 'network', 'compute'].map((s) => deployment(s))
    const { dependencies, levels } = buildExecutionGraph({
      all,
      selected: new Set(['identity/a/r/p', 'compute/a/r/p']),
      serviceDependencies: deps,
      explicit: {}
    })
    expect(levels).toEqual([['identity/a/r/p'], ['compute/a/r/p']])
    expect([...(dependencies.get('compute/a/r/p') ?? [])]).toEqual(['identity/a/r/p'])
  })

  it('adds explicit dependencies, with globs', () => {
    const all = [deployment('s3', 'a', 'r', 'one'), deployment('s3', 'a', 'r', 'two'), deployment('s3', 'a', 'r', 'three')]
    const { levels } = buildExecutionGraph({ all, serviceDependencies: deps, explicit: { 's3/a/r/t*': ['s3/a/r/one'] } })
    expect(levels).toEqual([['s3/a/r/one'], ['s3/a/r/three', 's3/a/r/two']])
  })

  it('rejects an explicit dependency that names nothing', () => {
    const all = [deployment('s3')]
    expect(() => buildExecutionGraph({ all, serviceDependencies: deps, explicit: { 's3/a/r/p': ['kms/nope/*'] } })).toThrow(DependencyConfigError)
  })

  it('rejects an explicit cycle with its path', () => {
    const all = [deployment('s3', 'a', 'r', 'one'), deployment('s3', 'a', 'r', 'two')]
    expect(() =>
      buildExecutionGraph({ all, serviceDependencies: deps, explicit: { 's3/a/r/one': ['s3/a/r/two'], 's3/a/r/two': ['s3/a/r/one'] } })
    ).toThrow('dependency cycle between deployments: s3/a/r/one -> s3/a/r/two -> s3/a/r/one')
  })

  it('drops edges another dependency already implies', () => {
    const all = ['identity', 'network', 'compute'].map((s) => deployment(s))
    const { dependencies } = buildExecutionGraph({ all, serviceDependencies: deps, explicit: {} })
    expect([...(dependencies.get('compute/a/r/p') ?? [])]).toEqual(['network/a/r/p'])
  })
})
