import { readFile } from 'node:fs/promises'
import { parseLogSections, phaseOutputs } from '../log-sections.js'

/** Reads a deployment's phase outputs from its log file (see log-sections.ts); none when there is no log (a skipped deployment). */
export async function readPhaseOutputs(_deploymentId: string, logFile?: string): Promise<Record<string, string>> {
  if (!logFile) return {}
  try {
    return phaseOutputs(parseLogSections(await readFile(logFile, 'utf8')))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw error
  }
}
