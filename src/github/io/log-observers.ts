import type { SelectedDeployment } from '../../model/deployment.js'
import type { RunObserver } from '../../engine/run-observer.js'
import { formatCounts } from '../../terraform/plan-summary.js'
import { annotationFor, type Annotation } from '../annotation.js'
import { redactedLog } from './plan-texts.js'
import type { RedactionBook } from './redaction-book.js'

/**
 * Each deployment's whole output as one block when it finishes (a collapsible
 * group on GitHub), never interleaved with others; redacted. A failed, blocked
 * or timed-out deployment also gets an error annotation on its file and line.
 */
export function groupedLogObserver(options: {
  book: RedactionBook
  group: (title: string, body: string) => void | Promise<void>
  annotate?: (a: Annotation) => void
  /** The working directory relative to the repository root. */
  workingDirFromRepo: string
}): RunObserver {
  const deployments = new Map<string, SelectedDeployment>()
  return {
    name: 'grouped-logs',
    runStarted: (run) => void run.deployments.forEach((d) => deployments.set(d.id, d)),
    async deploymentFinished(r) {
      await options.book.learnFromPlanFile(r.planJsonFile)
      const log = await redactedLog(r, options.book.redact)
      const counts = r.counts ? ` ${formatCounts(r.counts)}` : ''
      if (log) await options.group(`${r.id}: ${r.status}${counts} (${(r.durationMs / 1000).toFixed(1)}s)`, log.trim())
      const d = deployments.get(r.id)
      const annotation = d && annotationFor({ ...r, error: r.error && options.book.redact(r.error) }, d, options.workingDirFromRepo, log)
      if (annotation) options.annotate?.(annotation)
    }
  }
}
