import { parseCommentMarker } from '../../src/render/comment-marker.js'
import { GITHUB_COMMENT_LIMIT, renderPrComment, type PrCommentInput } from '../../src/render/pr-comment.js'
import { awsFleetRun, planText, simulateRun, syntheticDeployments } from './fleet-fixture.js'

const ORDER = [
  'unchanged attributes, context blocks and refresh lines trimmed from plan output',
  'plan output of deployments without changes left out',
  'plan output shortened to the resource change lines',
  'all plan output left out',
  'execution levels shown as counts'
]
const links = { jobSummary: 'https://github.com/o/r/actions/runs/42', artifact: 'https://github.com/o/r/actions/runs/42/artifacts/7' }

/** Plans for every deployment that ran: `resources` each, none for those without changes. */
function plans(input: Pick<PrCommentInput, 'summary'>, resources: number, colour = false): Map<string, string> {
  const out = new Map<string, string>()
  for (const r of input.summary.deployments) {
    if (r.status === 'skipped') continue
    out.set(r.id, planText(resources, { colour, changes: r.hasChanges !== false }))
  }
  return out
}

describe('renderPrComment', () => {
  it('shows headline, levels, the table with policy rule ids and reasons, warnings and waivers, and colour-free plans', () => {
    const { summary } = awsFleetRun()
    const { body, cut } = renderPrComment({ summary, planTexts: plans({ summary }, 2, true), workingDir: 'examples/aws-fleet', githubRun: { id: 42, attempt: 2 }, links, warnings: ['dynamic module source in main.tf'] })
    expect(cut).toEqual([])
    expect(parseCommentMarker(body)).toEqual({ workingDir: 'examples/aws-fleet', runId: summary.runId, githubRunId: 42, githubRunAttempt: 2 })
    expect(body).toMatch(/\*\*Planned: \+\d+ ~\d+ -0\*\* · 19 deployments · 1 failed · 1 blocked · \d+ skipped/)
    expect(body).toContain('<details><summary>Execution levels (')
    expect(body).toMatch(/\| `s3\/acme-prd\/us-east-1\/payments-data` \| ⛔ blocked \| \d+ \| \d+ \| 0 \| ⛔ deny: S3_PUBLIC_ACCESS \|/)
    expect(body).toMatch(/\| `s3\/acme-dev\/us-east-1\/payments-data` \|.*⚠️ warn: S3_VERSIONING; 🟡 waived: S3_ENCRYPTION \| [\d.]+s \| deployments\/acme-dev\/us-east-1\/S3\/payments-data\/payments-data.tfvars changed \|/)
    expect(body).toMatch(/\| `s3\/acme-stg\/eu-west-1\/analytics-lake` \| ⏭️ skipped \| - \| - \| - \| - \| - \| .* skipped: kms\/acme-stg\/eu-west-1\/platform-keys did not succeed \|/)
    expect(body).toContain('`S3_ENCRYPTION` waived until 2027-01-31: legacy bucket, ticket OPS-12')
    expect(body).toContain('⚠️ dynamic module source in main.tf')
    expect(body).toContain('[full redacted output](https://github.com/o/r/actions/runs/42/artifacts/7)')
    expect(body).not.toContain('\u001b')
    // Each plan body starts with its plan line and change lines.
    expect(body).toMatch(/```text\nPlan: 0 to add, 2 to change, 0 to destroy\.\n {2}# aws_s3_bucket\.b0 will be updated in-place/)
    // Problems come first in the table.
    expect(body.indexOf('❌ failed')).toBeLessThan(body.indexOf('⚪ no changes'))
  })

  it('keeps a fleet whose plans total several MB under the limit, cuts in the documented order and keeps the table', () => {
    const { summary } = simulateRun(syntheticDeployments(3, 2, 10))
    const planTexts = plans({ summary }, 120)
    const total = [...planTexts.values()].reduce((n, t) => n + t.length, 0)
    expect(total).toBeGreaterThan(3_000_000)
    const { body, cut } = renderPrComment({ summary, planTexts, workingDir: '.', links })
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
    expect(cut).toEqual(ORDER.slice(0, 4))
    for (const r of summary.deployments) expect(body).toContain(`| \`${r.id}\` |`)
    expect(body).toContain(`> ✂️ Shortened to fit GitHub's 65,536-character comment limit: ${ORDER.slice(0, 4).join('; ')}.`)
    expect(body).toContain('Everything is in the [full redacted output](https://github.com/o/r/actions/runs/42/artifacts/7) and the [job summary](https://github.com/o/r/actions/runs/42).')
  })

  it('takes the shrink steps strictly in order as the limit tightens', () => {
    const { summary } = simulateRun(syntheticDeployments(2, 2, 5))
    const input = { summary, planTexts: plans({ summary }, 30), workingDir: '.', links }
    const full = renderPrComment(input, Infinity).body.length
    let previous: string[] = []
    for (let limit = full; limit > 2000; limit = Math.floor(limit * 0.8)) {
      const { body, cut } = renderPrComment(input, limit)
      const steps = cut.filter((c) => !c.includes('table rows'))
      expect(steps).toEqual(ORDER.slice(0, steps.length))
      expect(steps.length).toBeGreaterThanOrEqual(previous.length)
      if (!cut.some((c) => c.includes('table rows'))) expect(body.length).toBeLessThanOrEqual(limit)
      previous = steps
    }
    expect(previous).toEqual(ORDER)
  })

  it('only trims noise when the body is just over the limit', () => {
    const { summary } = simulateRun(syntheticDeployments(1, 1, 4))
    const input = { summary, planTexts: plans({ summary }, 20), workingDir: '.' }
    const full = renderPrComment(input, Infinity).body
    const { body, cut } = renderPrComment(input, full.length - 1)
    expect(cut).toEqual([ORDER[0]])
    expect(body.length).toBeLessThan(full.length)
    expect(body).not.toContain('unchanged attributes hidden')
    expect(body).not.toContain('lifecycle_rule {')
    // Every change line survived the trim.
    expect(body.match(/\+ "owner" = "team-\d+"/g)?.length).toBe(full.match(/\+ "owner" = "team-\d+"/g)?.length)
  })

  it('leaves out table rows only as the last resort, the rows without changes first', () => {
    const { summary } = simulateRun(syntheticDeployments(10, 6, 50), { fail: ['kms/acct-09/sa-east-1/project-0'] })
    const { body, cut } = renderPrComment({ summary, planTexts: new Map(), workingDir: '.' })
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
    expect(cut[0]).toBe('execution levels shown as counts')
    expect(cut[1]).toMatch(/^\d+ table rows left out/)
    expect(body).toContain('`kms/acct-09/sa-east-1/project-0`')
    expect(body).toMatch(/_\d+ more deployments not shown._/)
  })

  it('fences plan text that itself contains backticks', () => {
    const { summary } = simulateRun(syntheticDeployments(1, 1, 1))
    const id = summary.deployments[0]?.id as string
    const { body } = renderPrComment({ summary, planTexts: new Map([[id, 'Plan: 1 to add, 0 to change, 0 to destroy.\n  + description = "```\\n</details>"']]), workingDir: '.' })
    expect(body).toContain('````text\nPlan: 1 to add')
    expect(body).toMatch(/<\/details>"\n````\n\n<\/details>/)
  })
})
