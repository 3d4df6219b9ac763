import { driftMarker, driftMarkerMatches, parseDriftMarker, renderDriftIssue, renderRunDriftIssue } from '../../src/render/drift-issue.js'
import { GITHUB_COMMENT_LIMIT } from '../../src/render/pr-comment.js'
import { planText } from './fleet-fixture.js'

const ctx = { runId: '20261126T184959123Z-abc123', detectedAt: '2026-11-26T18:49:59.123Z', runUrl: 'https://github.com/o/r/actions/runs/42', artifactUrl: 'https://github.com/o/r/actions/runs/42/artifacts/7' }

describe('drift issues', () => {
  it('one deployment: marker, id, counts, when, run link and the colour-free plan', () => {
    const { title, body } = renderDriftIssue({ id: 's3/acme-prd/us-east-1/payments-data', counts: { create: 0, update: 2, delete: 0, replace: 0 }, planText: planText(2, { colour: true }) }, ctx)
    expect(title).toBe('Drift: s3/acme-prd/us-east-1/payments-data')
    expect(body.startsWith(driftMarker('s3/acme-prd/us-east-1/payments-data'))).toBe(true)
    expect(parseDriftMarker(body)).toBe('s3/acme-prd/us-east-1/payments-data')
    expect(body).toContain('### Drift detected in `s3/acme-prd/us-east-1/payments-data` (+0 ~2 -0)')
    expect(body).toContain('Detected 2026-11-26T18:49:59.123Z by [run `20261126T184959123Z-abc123`](https://github.com/o/r/actions/runs/42)')
    expect(body).toContain('```text\nPlan: 0 to add, 2 to change, 0 to destroy.')
    expect(body).not.toContain('\u001b')
  })

  it('shortens a huge plan to fit, keeping its change lines first', () => {
    const { body } = renderDriftIssue({ id: 'a/b/c/d', planText: planText(2000) }, ctx)
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
    expect(body).toContain('  # aws_s3_bucket.b0 will be updated in-place')
    expect(body).toContain('(cut to fit the issue; the full redacted output is in the run artifact)')
  })

  it('round-trips ids with spaces and marker-breaking text', () => {
    expect(parseDriftMarker(`intro\n${driftMarker('s3/a b/--> x/p')}`)).toBe('s3/a b/--> x/p')
    expect(parseDriftMarker('<!-- tf-orchestrator:comment working-dir=. run=r -->')).toBeUndefined()
  })

  it('matches issues by deployment id or, for the per-run issue, by run id', () => {
    const one = renderDriftIssue({ id: 's3/a/b/p', planText: 'Plan: 0 to add, 1 to change, 0 to destroy.' }, ctx).body
    const run = renderRunDriftIssue([{ id: 's3/a/b/p', planText: '' }], ctx).body
    expect(driftMarkerMatches(one, 's3/a/b/p')).toBe(true)
    expect(driftMarkerMatches(one, 's3/a/b/q')).toBe(false)
    expect(driftMarkerMatches(run, ctx.runId)).toBe(true)
    expect(driftMarkerMatches(run, 's3/a/b/p')).toBe(false)
  })

  it('per run: a marker, the list of every drifted deployment, and their plans within the limit', () => {
    const drifted = Array.from({ length: 30 }, (_, i) => ({ id: `s3/acct/us-east-1/p${String(i).padStart(2, '0')}`, counts: { create: 0, update: 1, delete: 0, replace: 0 }, planText: planText(200) }))
    const { title, body } = renderRunDriftIssue(drifted, ctx)
    expect(title).toBe('Drift detected in 30 deployments (run 20261126T184959123Z-abc123)')
    expect(body.startsWith('<!-- tf-orchestrator:drift-run run=20261126T184959123Z-abc123 -->')).toBe(true)
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
    for (const d of drifted) {
      expect(body).toContain(`- \`${d.id}\` (+0 ~1 -0)`)
      expect(body).toContain(`<summary><code>${d.id}</code> (+0 ~1 -0)</summary>`)
    }
  })
})
