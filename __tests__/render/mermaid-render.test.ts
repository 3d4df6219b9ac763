import { existsSync } from 'node:fs'
import { renderJobSummary } from '../../src/render/job-summary.js'
import { renderMermaidDag } from '../../src/render/mermaid-dag.js'
import { renderMermaidGantt } from '../../src/render/mermaid-gantt.js'
import { awsFleetRun, hostileRun, simulateRun, syntheticDeployments, type Fixture } from './fleet-fixture.js'
import { CHROMIUM, renderInChromium, type Rendered } from './mermaid-browser.js'

// Proves the pictures render with mermaid itself (parse and SVG layout) in a real
// browser; chromium comes from scripts/install-browser.sh.
const diagrams = (name: string, f: Fixture): { name: string; text: string }[] => [
  { name: `${name} dag`, text: renderMermaidDag({ summary: f.summary, dependencies: f.graph.dependencies }).text },
  { name: `${name} gantt`, text: renderMermaidGantt({ summary: f.summary }).text }
]

describe('mermaid renders the job summary pictures', () => {
  const aws = awsFleetRun()
  const fleet = simulateRun(syntheticDeployments(10, 4, 10), { fail: ['kms/acct-03/eu-west-1/project-0'], block: ['s3/acct-07/us-west-2/project-2'] })
  const mid = simulateRun(syntheticDeployments(4, 5, 5))
  const hostile = hostileRun()
  const fromSummary = renderJobSummary({ summary: aws.summary, dependencies: aws.graph.dependencies })
  const input = [
    ...diagrams('aws-fleet', aws),
    { name: 'aws-fleet dag flat', text: renderMermaidDag({ summary: aws.summary, dependencies: aws.graph.dependencies }, { mode: 'flat' }).text },
    { name: 'aws-fleet gantt phases', text: renderMermaidGantt({ summary: aws.summary }, { mode: 'phases' }).text },
    ...diagrams('fleet-400', fleet),
    ...diagrams('fleet-100', mid),
    ...diagrams('hostile', hostile),
    { name: 'hostile gantt per deployment', text: renderMermaidGantt({ summary: hostile.summary }, { mode: 'deployments' }).text },
    { name: 'fleet-400 dag by account and region', text: renderMermaidDag({ summary: fleet.summary, dependencies: fleet.graph.dependencies }, { mode: 'scopes' }).text },
    ...[...fromSummary.markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m, i) => ({ name: `job summary picture ${i + 1}`, text: m[1] as string }))
  ]
  let results: Rendered[] = []

  beforeAll(async () => {
    expect(existsSync(CHROMIUM)).toBe(true)
    results = await renderInChromium(input)
  }, 180_000)

  it('renders every diagram without a parse or layout error', () => {
    expect(results.map((r) => r.name)).toEqual(input.map((d) => d.name))
    for (const r of results) expect({ name: r.name, error: r.error }).toEqual({ name: r.name, error: undefined })
    for (const r of results) expect(r.svgChars).toBeGreaterThan(1000)
  })

  it('draws the two job summary pictures', () => {
    expect(input.filter((d) => d.name.startsWith('job summary picture'))).toHaveLength(2)
  })

  it('shows every aws-fleet deployment by name, and the 400 fleet by account, region and service', () => {
    const flat = results.find((r) => r.name === 'aws-fleet dag flat') as Rendered
    for (const d of aws.summary.deployments) expect(flat.text).toContain(d.id)
    const grouped = results.find((r) => r.name === 'aws-fleet dag') as Rendered
    expect(grouped.text).toContain('acme-dev / us-east-1combined/shared-platform+0 ~0 -0')
    const phases = results.find((r) => r.name === 'aws-fleet gantt phases') as Rendered
    for (const d of aws.summary.deployments.filter((r) => r.startedAt)) expect(phases.text).toContain(`${d.id} init`)
    const big = results.find((r) => r.name === 'fleet-400 dag') as Rendered
    expect(big.text).toContain('acct-07/us-west-2/s3')
    expect(big.text).toMatch(/acct-03\/eu-west-1\/kms2 deployments: 1 failed/)
    const gantt = results.find((r) => r.name === 'fleet-400 gantt') as Rendered
    expect(gantt.text).toContain('acct-09')
    expect(gantt.text).toContain('us-east-1, 10 deployments on')
  })

  it('shows hostile ids exactly as they are, in both pictures', () => {
    for (const name of ['hostile dag', 'hostile gantt per deployment']) {
      const text = (results.find((r) => r.name === name) as Rendered).text
      for (const d of hostile.summary.deployments) {
        if (name.includes('gantt') && !d.startedAt) continue
        expect({ name, id: d.id, found: text.includes(d.id) }).toEqual({ name, id: d.id, found: true })
      }
    }
  })
})
