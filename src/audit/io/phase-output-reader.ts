import { readFileSync } from 'node:fs'
import { parseLogSections, phaseOutputs } from '../log-sections.js'

/** Reads a deployment's phase outputs from its log file (see log-sections.ts); none when there is no log (a skipped deployment). Read directly: a log is small. */
export async function readPhaseOutputs(_deploymentId: string, logFile?: string): Promise<Record<string, string>> {
  if (!logFile) return {}
  try {
    return phaseOutputs(parseLogSections(readFileSync(logFile, 'utf8')))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw error
  }
}
