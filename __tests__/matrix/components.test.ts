import type { DependencyGraph } from '../../src/graph/dag.js'
import { buildExecutionGraph } from '../../src/graph/deployment-graph.js'
import { connectedComponents } from '../../src/matrix/components.js'

const graph = (edges: Record<string, string[]>): DependencyGraph => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]))

describe('connected components', () => {
  it('joins by edges in either direction, including nodes only named as dependencies, in a fixed order', () => {
    const g = graph({ 'z/2': ['x/9'], 'a/1': [], 'm/5': ['a/1'], 'q/3': [] })
    expect(connectedComponents(g)).toEqual([['a/1', 'm/5'], ['q/3'], ['x/9', 'z/2']])
    expect(connectedComponents(new Map([...g].reverse()))).toEqual(connectedComponents(g))
  })

  it('links two selected deployments through an unselected one between them', () => {
    const d = (service: string) => ({ id: `${service}/a/r/p`, name: service, layout: 'tfvars' as const, account: 'a', region: 'r', project: 'p', services: [service], stateKey: '', rootDir: '.', source: '' })
    const all = [d('kms'), d('s3'), d('lambda')]
    const { dependencies } = buildExecutionGraph({ all, selected: new Set(['kms/a/r/p', 'lambda/a/r/p']), serviceDependencies: { kms: [], s3: ['kms'], lambda: ['s3'] }, explicit: {} })
    expect(connectedComponents(dependencies)).toEqual([['kms/a/r/p', 'lambda/a/r/p']])
  })
})
