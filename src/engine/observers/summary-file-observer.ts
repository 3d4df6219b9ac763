import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunObserver } from '../run-observer.js'

/** Writes the run's summary.json into its run folder when the run finishes. */
export function summaryFileObserver(runDir: string): RunObserver {
  return {
    name: 'summary-file',
    async runFinished(summary) {
      await mkdir(runDir, { recursive: true })
      await writeFile(join(runDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`)
    }
  }
}
