import { renderJobSummary, STEP_SUMMARY_LIMIT } from '../../src/render/job-summary.js'
import { utf8Bytes } from '../../src/render/markdown.js'
import { runKpis } from '../../src/render/run-kpis.js'
import { awsFleetRun, simulateRun, syntheticDeployments } from './fleet-fixture.js'

describe('renderJobSummary', () => {
  it('has the headline, KPIs, both pictures, the deployment table and the policy results', () => {
    const { summary, graph } = awsFleetRun()
    const { markdown, cut, dag, gantt } = renderJobSummary({ summary, dependencies: graph.dependencies, workingDir: 'examples/aws-fleet', artifactUrl: 'https://x/artifacts/1' })
    expect(cut).toEqual([])
    expect(markdown).toContain('## tf-orchestrator plan in `examples/aws-fleet`')
    expect(markdown).toContain('| Parallelism reached / workers | 5 / 5 |')
    expect(markdown).toContain('```mermaid\nflowchart LR\n')
    expect(markdown).toContain('```mermaid\ngantt\n')
    expect([dag.mode, gantt.mode]).toEqual(['grouped', 'deployments'])
    expect(markdown).toMatch(/\| `s3\/acme-prd\/us-east-1\/payments-data` \| ⛔ blocked \|/)
    expect(markdown).toContain('⛔ `s3/acme-prd/us-east-1/payments-data`: `S3_PUBLIC_ACCESS` bucket allows public access (`aws_s3_bucket.logs`)')
    expect(markdown).toContain('Full redacted output: [artifact](https://x/artifacts/1)')
  })

  it('computes total work, makespan, speedup and utilization from the deployments', () => {
    const { summary } = awsFleetRun()
    const k = runKpis(summary)
    const work = summary.deployments.reduce((n, r) => n + r.durationMs, 0)
    expect(k.totalWorkMs).toBe(work)
    expect(k.makespanMs).toBe(summary.durationMs)
    expect(k.speedup).toBeCloseTo(work / summary.durationMs)
    expect(k.utilization).toBeCloseTo(work / summary.durationMs / summary.workers)
    // The simulated pool really ran in parallel: more than 1x, at most one per worker.
    expect(k.speedup).toBeGreaterThan(1.5)
    expect(k.speedup).toBeLessThanOrEqual(summary.workers)
  })

  it('stays under 1 MiB at 500 deployments with grouped pictures', () => {
    const { summary, graph } = simulateRun(syntheticDeployments(10, 5, 10), { fail: ['kms/acct-00/us-east-1/project-0'] })
    expect(summary.deployments).toHaveLength(500)
    const out = renderJobSummary({ summary, dependencies: graph.dependencies })
    expect(utf8Bytes(out.markdown)).toBeLessThan(STEP_SUMMARY_LIMIT)
    expect(out.cut).toEqual([])
    expect(out.dag.mode).toBe('services')
    expect(out.gantt.mode).toBe('scopes')
    for (const r of summary.deployments) expect(out.markdown).toContain(`| \`${r.id}\` |`)
  })

  it('groups the pictures, then leaves out rows, when the summary would pass the limit', () => {
    const { summary, graph } = simulateRun(syntheticDeployments(10, 5, 10))
    const full = renderJobSummary({ summary, dependencies: graph.dependencies }, Infinity)
    const limit = Math.floor(utf8Bytes(full.markdown) * 0.6)
    const out = renderJobSummary({ summary, dependencies: graph.dependencies }, limit)
    expect(utf8Bytes(out.markdown)).toBeLessThanOrEqual(limit)
    expect(out.cut[0]).toBe('pictures grouped by account and region')
    expect(out.cut[1]).toMatch(/^\d+ table rows and \d+ policy lines left out$/)
    expect(out.dag.mode).toBe('scopes')
    expect(out.markdown).toMatch(/_\d+ more deployments not shown._/)
  })
})
