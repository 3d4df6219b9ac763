import { renderMermaidDag } from '../../src/render/mermaid-dag.js'
import { renderMermaidGantt } from '../../src/render/mermaid-gantt.js'
import { flowchartLabel, ganttText, MERMAID_MAX_EDGES, MERMAID_MAX_TEXT } from '../../src/render/mermaid-text.js'
import { awsFleetRun, hostileRun, simulateRun, syntheticDeployments } from './fleet-fixture.js'

const NODE_LINE = /^ +n\d+\["[^"]*"\]:::(applied|changes|nochange|failed|blocked|skipped)$/
const TASK_LINE = /^ {4}(?:[^:;#\n]|#\d+;)+ :(crit, |active, |done, )?t\d+, \d{13}, \d{13}$/

describe('renderMermaidDag', () => {
  it('draws a small run one node per deployment, coloured by result, with its dependency edges', () => {
    const small = simulateRun(syntheticDeployments(1, 2, 5))
    expect(renderMermaidDag({ summary: small.summary, dependencies: small.graph.dependencies }).mode).toBe('flat')
    const { summary, graph } = awsFleetRun()
    const dag = renderMermaidDag({ summary, dependencies: graph.dependencies }, { mode: 'flat' })
    expect(dag.mode).toBe('flat')
    const lines = dag.text.split('\n')
    expect(lines.filter((l) => NODE_LINE.test(l))).toHaveLength(19)
    const edgeCount = [...graph.dependencies.values()].reduce((n, deps) => n + deps.size, 0)
    expect(lines.filter((l) => / n\d+ --> n\d+$/.test(l))).toHaveLength(edgeCount)
    expect(dag.text).toMatch(/n\d+\["kms\/acme-stg\/eu-west-1\/platform-keys"\]:::failed/)
    expect(dag.text).toMatch(/n\d+\["s3\/acme-prd\/us-east-1\/payments-data<br>\+\d ~\d -0"\]:::blocked/)
    expect(dag.text).toMatch(/n\d+\["s3\/acme-stg\/eu-west-1\/analytics-lake"\]:::skipped/)
  })

  it('draws the aws fleet (19) in account/region subgraphs with short names', () => {
    const { summary, graph } = awsFleetRun()
    const dag = renderMermaidDag({ summary, dependencies: graph.dependencies })
    expect(dag.mode).toBe('grouped')
    expect(dag.text.match(/subgraph g\d+\["acme-(dev|stg|prd) \/ (us-east-1|eu-west-1)"\]/g)).toHaveLength(6)
    expect(dag.text.split('\n').filter((l) => NODE_LINE.test(l))).toHaveLength(19)
    expect(dag.text).toMatch(/n\d+\["combined\/shared-platform<br>\+0 ~0 -0"\]:::nochange/)
    expect(dag.text).toMatch(/n\d+\["kms\/platform-keys"\]:::failed/)
  })

  it('without a dependency graph puts each execution level in its own subgraph', () => {
    const { summary } = awsFleetRun()
    const dag = renderMermaidDag({ summary }, { mode: 'flat' })
    expect(dag.text.match(/subgraph g\d+\["Level \d+"\]/g)).toHaveLength(summary.executionLevels.length)
  })

  it('groups by account and region above 60 deployments and collapses to counts at fleet scale', () => {
    const mid = simulateRun(syntheticDeployments(4, 5, 5))
    const grouped = renderMermaidDag({ summary: mid.summary, dependencies: mid.graph.dependencies })
    expect(grouped.mode).toBe('grouped')
    expect(grouped.text.match(/subgraph g\d+\["acct-\d+ \/ [a-z0-9-]+"\]/g)).toHaveLength(20)
    expect(grouped.text).toMatch(/\["s3\/project-2<br>/)

    const fleet = simulateRun(syntheticDeployments(10, 4, 10))
    const big = renderMermaidDag({ summary: fleet.summary, dependencies: fleet.graph.dependencies })
    expect(big.mode).toBe('services')
    expect(big.note).toBe('400 deployments grouped by account, region and service')
    expect(big.text).toMatch(/\["acct-00\/us-east-1\/s3<br>2 deployments: /)
    expect(big.text.length).toBeLessThanOrEqual(MERMAID_MAX_TEXT)
    expect(big.text.split('\n').filter((l) => l.includes('-->')).length).toBeLessThanOrEqual(MERMAID_MAX_EDGES)
  })

  it('falls back to coarser groups when a form would exceed mermaid limits', () => {
    const fleet = simulateRun(syntheticDeployments(10, 4, 10))
    const dag = renderMermaidDag({ summary: fleet.summary, dependencies: fleet.graph.dependencies }, { maxChars: 3000 })
    expect(dag.mode).toBe('accounts')
    expect(dag.text.length).toBeLessThanOrEqual(3000)
  })

  it('escapes hostile ids: quotes, colons, brackets, #, backticks, html and unicode stay inside labels', () => {
    const { summary, graph } = hostileRun()
    const dag = renderMermaidDag({ summary, dependencies: graph.dependencies })
    for (const line of dag.text.split('\n').filter((l) => l.includes('["'))) expect(line).toMatch(NODE_LINE)
    expect(dag.text).not.toMatch(/<script|`/)
    expect(flowchartLabel('a"b#c<d>&`e%')).toBe('a#quot;b#35;c#60;d#62;#38;#96;e#37;')
  })
})

describe('renderMermaidGantt', () => {
  it('draws a run phase by phase, one section per worker, failures in red', () => {
    expect(renderMermaidGantt({ summary: simulateRun(syntheticDeployments(1, 2, 5)).summary }).mode).toBe('phases')
    const { summary } = awsFleetRun()
    const gantt = renderMermaidGantt({ summary }, { mode: 'phases' })
    expect(gantt.mode).toBe('phases')
    const lines = gantt.text.split('\n')
    expect(lines.slice(0, 5)).toEqual(['gantt', '  title Run 20261126T184959123Z-abc123, 5 workers', '  dateFormat x', '  axisFormat %H:%M:%S', '  todayMarker off'])
    expect(lines.filter((l) => l.startsWith('  section '))).toEqual(['  section Worker 1', '  section Worker 2', '  section Worker 3', '  section Worker 4', '  section Worker 5'])
    const started = summary.deployments.filter((r) => r.startedAt)
    const phases = started.reduce((n, r) => n + Object.keys(r.phases).length, 0)
    expect(lines.filter((l) => TASK_LINE.test(l))).toHaveLength(phases)
    expect(gantt.text).toMatch(/ kms\/acme-stg\/eu-west-1\/platform-keys plan :crit, t\d+, /)
    // Bars sit where the phases ran.
    const first = started[0]
    const plan = first?.phases.plan
    const start = Date.parse(plan?.startedAt as string)
    expect(gantt.text).toContain(`${first?.id} plan :done, `)
    expect(gantt.text).toMatch(new RegExp(`, ${start}, ${start + (plan?.durationMs as number)}\\n`))
  })

  it('draws one bar per deployment up to 150, then one bar per account and region', () => {
    const { summary } = awsFleetRun()
    const aws = renderMermaidGantt({ summary })
    expect(aws.mode).toBe('deployments')
    expect(aws.text).toMatch(/\n {4}s3\/acme-prd\/us-east-1\/payments-data :crit, t\d+, \d+, \d+\n/)
    expect(aws.text.split('\n').filter((l) => TASK_LINE.test(l))).toHaveLength(summary.deployments.filter((r) => r.startedAt).length)
    const mid = simulateRun(syntheticDeployments(4, 5, 5)).summary
    expect(renderMermaidGantt({ summary: mid }).mode).toBe('deployments')
    const fleet = simulateRun(syntheticDeployments(10, 4, 10)).summary
    const gantt = renderMermaidGantt({ summary: fleet })
    expect(gantt.mode).toBe('scopes')
    expect(gantt.text.split('\n').filter((l) => TASK_LINE.test(l))).toHaveLength(40)
    expect(gantt.text).toContain('  section acct-09')
    expect(gantt.text).toMatch(/ {4}us-east-1, 10 deployments on \d workers :/)
  })

  it('escapes hostile ids so each stays one task', () => {
    const { summary } = hostileRun()
    const gantt = renderMermaidGantt({ summary }, { mode: 'deployments' })
    const tasks = gantt.text.split('\n').filter((l) => l.startsWith('    '))
    expect(tasks).toHaveLength(summary.deployments.filter((r) => r.startedAt).length)
    for (const t of tasks) expect(t).toMatch(TASK_LINE)
    expect(ganttText('title: a#b;c %% d')).toBe('#116;itle#58; a#35;b#59;c #37;#37; d')
  })
})
