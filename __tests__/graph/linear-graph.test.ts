import fc from 'fast-check'
import { dependentsOf, executionLevels } from '../../src/graph/dag.js'
import { buildExecutionGraph } from '../../src/graph/deployment-graph.js'
import { DEFAULT_SERVICE_DEPENDENCIES } from '../../src/config/defaults.js'
import type { Deployment } from '../../src/model/deployment.js'
import { idPattern } from '../../src/model/id-pattern.js'
import { plain, referenceGraph, referenceLevels } from './reference-graph.js'

const SERVICES = ['kms', 'iam', 'vpc', 's3', 'lambda', 'sqs', 'rds', 'ec2', 'apigateway']

function deployment(services: string[], account: string, region: string, project: string): Deployment {
  const id = `${services.length > 1 ? 'combined' : services[0]}/${account}/${region}/${project}`
  return { id, name: id, layout: 'tfvars', account, region, project, services, stateKey: `${id}/terraform.tfstate`, rootDir: '.', source: id }
}

const fleet = fc
  .array(
    fc.record({
      services: fc.uniqueArray(fc.constantFrom(...SERVICES), { minLength: 1, maxLength: 2 }).map((s) => s.sort()),
      account: fc.constantFrom('a', 'b'),
      region: fc.constantFrom('r1', 'r2'),
      selected: fc.boolean()
    }),
    { maxLength: 40 }
  )
  .map((rows) => rows.map((r, i) => ({ d: deployment(r.services, r.account, r.region, `p${i}`), selected: r.selected })))

const explicit = fc.dictionary(
  fc.constantFrom('s3/*', 'lambda/a/*', 'kms/b/r1/*', '*/a/r2/*', 'combined/*'),
  fc.array(fc.constantFrom('kms/*', 'iam/a/*', 'vpc/*', 'sqs/b/*', 'ec2/*'), { minLength: 1, maxLength: 2 }),
  { maxKeys: 2 }
)

type Outcome = { graph: [string, string[]][]; levels: string[][] } | { error: string }
function outcome(build: () => { dependencies: Map<string, Set<string>>; levels: string[][] }): Outcome {
  try {
    const g = build()
    return { graph: plain(g.dependencies), levels: g.levels }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

describe('the linear graph (group nodes, shared dependency sets)', () => {
  it('gives exactly the graph, levels and cycle errors of the quadratic construction', () => {
    fc.assert(
      fc.property(fleet, explicit, fc.boolean(), (rows, rules, selectAll) => {
        // Explicit rules that match nothing are a configuration error in both; keep only rules that match.
        const ids = rows.map((r) => r.d.id)
        const matches = (p: string): boolean => ids.some((id) => idPattern(p).test(id))
        const rulesUsed = Object.fromEntries(Object.entries(rules).filter(([k, v]) => matches(k) && v.every(matches)))
        const input = {
          all: rows.map((r) => r.d),
          selected: selectAll ? undefined : new Set(rows.filter((r) => r.selected).map((r) => r.d.id)),
          serviceDependencies: DEFAULT_SERVICE_DEPENDENCIES,
          explicit: rulesUsed
        }
        expect(outcome(() => buildExecutionGraph(input))).toEqual(outcome(() => referenceGraph(input)))
      }),
      { numRuns: 300 }
    )
  })

  it('keeps a dense scope linear: one dependency set per group, not one edge per pair', () => {
    const all: Deployment[] = []
    for (let i = 0; i < 1000; i++) all.push(deployment([i % 2 === 0 ? 'kms' : 's3'], 'a', 'r', `p${i}`))
    const { dependencies, levels } = buildExecutionGraph({ all, serviceDependencies: DEFAULT_SERVICE_DEPENDENCIES, explicit: {} })
    const distinct = new Set(dependencies.values())
    const stored = [...distinct].reduce((n, s) => n + s.size, 0)
    // 500 s3 each wait for all 500 kms: 250,000 edges, stored as one set of 500.
    expect(dependencies.get('s3/a/r/p1')?.size).toBe(500)
    expect(stored).toBeLessThanOrEqual(all.length)
    expect(levels.map((l) => l.length)).toEqual([500, 500])
    expect(executionLevels(dependencies)).toEqual(referenceLevels(dependencies))
    const dependents = dependentsOf(dependencies)
    expect(dependents.get('kms/a/r/p0')?.size).toBe(500)
    expect(new Set(dependents.values()).size).toBeLessThanOrEqual(3)
  })

  it('routes a wide explicit rule through one group node without a deployment waiting for itself', () => {
    const all = Array.from({ length: 30 }, (_, i) => deployment([i < 15 ? 'vpc' : 'cloudwatch'], 'a', 'r', `p${i}`))
    const input = { all, serviceDependencies: DEFAULT_SERVICE_DEPENDENCIES, explicit: { '**': ['vpc/**'] } }
    expect(outcome(() => buildExecutionGraph(input))).toEqual(outcome(() => referenceGraph(input)))
  })
})
