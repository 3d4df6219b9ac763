import { readFile } from 'node:fs/promises'
import { parseLogSections } from '../../audit/log-sections.js'
import type { DeploymentResult } from '../../model/run-result.js'
import type { Redact } from '../../redact/redactor.js'

/** The output of a deployment's last `plan` attempt, from its log file; undefined without one. */
export async function planOutputOf(result: DeploymentResult): Promise<string | undefined> {
  if (!result.logFile) return undefined
  let text: string
  try {
    text = await readFile(result.logFile, 'utf8')
  } catch {
    return undefined
  }
  const plans = parseLogSections(text).filter((s) => s.phase === 'plan')
  return plans[plans.length - 1]?.output
}

/** Deployment id -> its redacted plan output, for every deployment that planned. */
export async function redactedPlanTexts(results: readonly DeploymentResult[], redact: Redact): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  for (const r of results) {
    const plan = await planOutputOf(r)
    if (plan !== undefined) texts.set(r.id, redact(plan))
  }
  return texts
}

/** The whole log of a deployment, redacted (empty when there is none). */
export async function redactedLog(result: DeploymentResult, redact: Redact): Promise<string> {
  if (!result.logFile) return ''
  try {
    return redact(await readFile(result.logFile, 'utf8'))
  } catch {
    return ''
  }
}
