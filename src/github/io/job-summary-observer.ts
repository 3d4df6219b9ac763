import type { RunObserver } from '../../engine/run-observer.js'
import type { DependencyGraph } from '../../graph/dag.js'
import { redactDeep } from '../../redact/redact-deep.js'
import { renderJobSummary } from '../../render/job-summary.js'
import type { RedactionBook } from './redaction-book.js'
import type { RunLinks } from './run-links.js'

/** Writes the job summary (table, KPIs, policy results, DAG and gantt pictures), redacted, when the run finishes. */
export function jobSummaryObserver(o: {
  write: (markdown: string) => void | Promise<void>
  dependencies: DependencyGraph
  workingDir: string
  book: RedactionBook
  links: RunLinks
  warnings?: readonly string[]
}): RunObserver {
  return {
    name: 'job-summary',
    async runFinished(summary) {
      for (const r of summary.deployments) await o.book.learnFromPlanFile(r.planJsonFile)
      const { markdown } = renderJobSummary({
        summary: redactDeep(summary, o.book.redact),
        dependencies: o.dependencies,
        workingDir: o.workingDir,
        artifactUrl: o.links.artifact,
        warnings: o.warnings?.map(o.book.redact)
      })
      await o.write(markdown)
    }
  }
}
