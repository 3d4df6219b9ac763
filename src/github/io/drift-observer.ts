import type { RunObserver } from '../../engine/run-observer.js'
import { driftMarkerMatches, renderDriftIssue, renderRunDriftIssue, type DriftedDeployment } from '../../render/drift-issue.js'
import type { PullRequestContext } from '../pull-request-context.js'
import { syncDriftIssues, type DriftIssueOutcome } from './drift-issues.js'
import type { GitHubClient } from './github-client.js'
import { redactedPlanTexts } from './plan-texts.js'
import type { RedactionBook } from './redaction-book.js'
import type { RunLinks } from './run-links.js'

/** The deployments of a drift run whose plan found changes, and those that planned clean. */
export interface DriftFindings {
  drifted: string[]
  clean: string[]
}

/**
 * After a drift run (a plan of every selected deployment): opens or updates one
 * issue per drifted deployment (or one per run), closes the issues of
 * deployments whose drift is gone, and reopens them when it comes back. Only
 * deployments that planned successfully count as drifted or clean.
 */
export function driftObserver(o: {
  client?: GitHubClient
  context: PullRequestContext
  mode: 'per-deployment' | 'per-run'
  /** The working directory: one per-run issue per working directory. */
  workingDir?: string
  book: RedactionBook
  links: RunLinks
  warn: (message: string) => void
  onFindings: (findings: DriftFindings, outcomes: DriftIssueOutcome[]) => void
}): RunObserver {
  return {
    name: 'drift',
    async runFinished(summary) {
      const planned = summary.deployments.filter((r) => r.status === 'succeeded')
      const findings: DriftFindings = { drifted: planned.filter((r) => r.hasChanges).map((r) => r.id), clean: planned.filter((r) => !r.hasChanges).map((r) => r.id) }
      const { owner, repo } = o.context
      if (!o.client || !owner || !repo) return o.onFindings(findings, [])
      for (const r of planned) await o.book.learnFromPlanFile(r.planJsonFile)
      const texts = await redactedPlanTexts(planned.filter((r) => r.hasChanges), o.book.redact)
      const ctx = { runId: summary.runId, detectedAt: summary.finishedAt, runUrl: o.links.jobSummary, artifactUrl: o.links.artifact }
      const runKey = `per-run:${o.workingDir ?? '.'}`
      const drifted: DriftedDeployment[] = planned.filter((r) => r.hasChanges).map((r) => ({ id: r.id, counts: r.counts, planText: texts.get(r.id) ?? '' }))
      const base = { client: o.client, owner, repo, matchesKey: driftMarkerMatches, run: { id: summary.runId, url: o.links.jobSummary } }
      const result =
        o.mode === 'per-run'
          ? await syncDriftIssues({
              ...base,
              mode: 'per-run',
              drifted: drifted.map((d) => ({ key: d.id, title: d.id, body: '' })),
              clean: [],
              // A stable key: the next drift run of this working directory finds, updates or closes the same issue.
              runIssue: { key: runKey, ...renderRunDriftIssue(drifted, { ...ctx, markerKey: runKey }) }
            })
          : await syncDriftIssues({
              ...base,
              drifted: drifted.map((d) => ({ key: d.id, ...renderDriftIssue(d, ctx) })),
              clean: findings.clean.map((key) => ({ key }))
            })
      for (const w of result.warnings) o.warn(`drift issue: ${w}`)
      o.onFindings(findings, result.outcomes)
    }
  }
}
