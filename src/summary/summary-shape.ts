import type { RunSummary } from '../model/run-result.js'

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * Checks that parsed JSON looks like a summary.json of a plan or apply run
 * (the fields a merge reads), so a stray JSON file in the downloaded artifacts
 * is named instead of producing a wrong comment.
 */
export function asRunSummary(value: unknown, where: string): RunSummary {
  const problem = (what: string): Error => new Error(`${where}: not a tf-orchestrator summary.json (${what})`)
  if (!isObject(value)) throw problem('not a JSON object')
  if (value.command !== 'plan' && value.command !== 'apply') throw problem('command is not plan or apply')
  if (typeof value.runId !== 'string' || value.runId === '') throw problem('no runId')
  if (!Array.isArray(value.deployments) || !value.deployments.every((d) => isObject(d) && typeof d.id === 'string')) throw problem('no deployments list')
  if (!Array.isArray(value.executionLevels)) throw problem('no executionLevels')
  for (const key of ['startedAt', 'finishedAt'] as const) if (typeof value[key] !== 'string') throw problem(`no ${key}`)
  for (const key of ['workers', 'parallelDeployments'] as const) if (typeof value[key] !== 'number') throw problem(`no ${key}`)
  return value as unknown as RunSummary
}
