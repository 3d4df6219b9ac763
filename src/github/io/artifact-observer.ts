import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunObserver } from '../../engine/run-observer.js'
import { redactDeep } from '../../redact/redact-deep.js'
import { redactedLog } from './plan-texts.js'
import type { RedactionBook } from './redaction-book.js'
import type { RunLinks } from './run-links.js'

/** Uploads files as one artifact; returns its id (the toolkit's DefaultArtifactClient in the action). */
export type UploadArtifact = (name: string, files: string[], rootDirectory: string) => Promise<{ id?: number }>

/**
 * Uploads the run's logs and summary.json, redacted, as one artifact named
 * after the run, so nobody needs the runner's disk. Runs before the comment and
 * the job summary, which link to it through `links.artifact`.
 */
export function artifactObserver(o: {
  upload: UploadArtifact
  book: RedactionBook
  links: RunLinks
  /** `https://github.com/<owner>/<repo>/actions/runs/<id>`, to build the artifact's link. */
  runUrl?: string
  warn: (message: string) => void
}): RunObserver {
  return {
    name: 'artifact',
    async runFinished(summary) {
      const dir = await mkdtemp(join(tmpdir(), 'tforch-artifact-'))
      try {
        for (const r of summary.deployments) await o.book.learnFromPlanFile(r.planJsonFile)
        const files = [join(dir, 'summary.json')]
        await writeFile(files[0] as string, `${JSON.stringify(redactDeep(summary, o.book.redact), null, 2)}\n`)
        for (const r of summary.deployments) {
          const log = await redactedLog(r, o.book.redact)
          if (!log) continue
          const file = join(dir, `${r.id.replace(/\//g, '__')}.log`)
          await writeFile(file, log)
          files.push(file)
        }
        const { id } = await o.upload(`tf-orchestrator-${summary.command}-${summary.runId}`, files, dir)
        if (id !== undefined && o.runUrl) o.links.artifact = `${o.runUrl}/artifacts/${id}`
      } catch (error) {
        o.warn(`artifact not uploaded: ${error instanceof Error ? error.message : String(error)}`)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    }
  }
}
