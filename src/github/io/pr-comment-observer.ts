import type { RunObserver } from '../../engine/run-observer.js'
import { redactDeep } from '../../redact/redact-deep.js'
import { commentMarkerMatcher } from '../../render/comment-marker.js'
import { renderPrComment } from '../../render/pr-comment.js'
import type { PullRequestContext } from '../pull-request-context.js'
import type { GitHubClient } from './github-client.js'
import { redactedPlanTexts } from './plan-texts.js'
import { upsertPrComment, type UpsertPrCommentResult } from './pr-comment-sync.js'
import type { RedactionBook } from './redaction-book.js'
import type { RunLinks } from './run-links.js'

export interface PrCommentObserverOptions {
  client: GitHubClient
  context: PullRequestContext
  /** The working directory as the comment names it (one comment per pull request and working directory). */
  workingDir: string
  book: RedactionBook
  links: RunLinks
  warnings?: readonly string[]
  /** A GitHub failure is a warning: the run's result never depends on its comment. */
  warn: (message: string) => void
  onPosted?: (result: UpsertPrCommentResult) => void
}

/** Posts or updates the one redacted PR comment of this working directory when the run finishes. */
export function prCommentObserver(o: PrCommentObserverOptions): RunObserver {
  return {
    name: 'pr-comment',
    async runFinished(summary) {
      const { owner, repo, prNumber } = o.context
      if (!owner || !repo || !prNumber) return
      for (const r of summary.deployments) await o.book.learnFromPlanFile(r.planJsonFile)
      const planTexts = await redactedPlanTexts(summary.deployments, o.book.redact)
      const githubRunId = o.context.runId ? Number(o.context.runId) : undefined
      const { body } = renderPrComment({
        summary: redactDeep(summary, o.book.redact),
        planTexts,
        workingDir: o.workingDir,
        githubRun: githubRunId ? { id: githubRunId, attempt: o.context.runAttempt } : undefined,
        links: o.links,
        warnings: o.warnings?.map(o.book.redact)
      })
      const marker = commentMarkerMatcher({ workingDir: o.workingDir, runId: summary.runId, githubRunId, githubRunAttempt: o.context.runAttempt })
      const result = await upsertPrComment({ client: o.client, owner, repo, prNumber, body, marker })
      if (result.action === 'failed') o.warn(`PR comment not posted: ${result.warning}`)
      o.onPosted?.(result)
    }
  }
}
