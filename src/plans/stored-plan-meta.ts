import type { PlanCounts } from '../terraform/plan-summary.js'
import type { ReviewRef } from './review-ref.js'

/** The state a plan was made from: serial 0 and lineage "" when there was none yet. */
export interface StateIdentity {
  serial: number
  lineage: string
}

/** What is stored beside a reviewed plan (meta.json), written after the plan file and its JSON. */
export interface StoredPlanMeta extends StateIdentity {
  schemaVersion: 1
  review: ReviewRef
  deploymentId: string
  stateKey: string
  /** SHA-256 over the configuration and variable files the plan was made from (see config-inputs.ts). */
  configHash: string
  /** SHA-256 of the saved plan file, checked when it is read back. */
  planSha256: string
  hasChanges: boolean
  counts?: PlanCounts
  /** The orchestrator run that made it. */
  runId: string
  storedAt: string
  expiresAt: string
}

const DAY_MS = 86_400_000
/** Retention when none is configured. */
export const DEFAULT_PLAN_RETENTION_DAYS = 30

/** When a plan stored at `at` expires. */
export const expiresAt = (at: Date, retentionDays = DEFAULT_PLAN_RETENTION_DAYS): string => new Date(at.getTime() + retentionDays * DAY_MS).toISOString()

/** Whether the stored plan is past its retention at `now`. */
export const isExpired = (meta: Pick<StoredPlanMeta, 'expiresAt'>, now: Date): boolean => !(Date.parse(meta.expiresAt) > now.getTime())

/** Parses meta.json; undefined when it is not a stored plan's metadata. */
export function parseStoredPlanMeta(value: unknown): StoredPlanMeta | undefined {
  const m = value as Partial<StoredPlanMeta> | null
  if (!m || typeof m !== 'object' || m.schemaVersion !== 1) return undefined
  const strings = [m.deploymentId, m.stateKey, m.configHash, m.planSha256, m.lineage, m.expiresAt, m.storedAt, m.runId]
  if (strings.some((s) => typeof s !== 'string') || typeof m.serial !== 'number' || typeof m.hasChanges !== 'boolean') return undefined
  if (!m.review || typeof m.review.repository !== 'string' || typeof m.review.pullRequest !== 'number' || typeof m.review.headSha !== 'string') return undefined
  return m as StoredPlanMeta
}

/**
 * Why the stored plan cannot be applied as it is (the state or the
 * configuration moved since review), or undefined when it still can.
 */
export function staleReason(meta: StoredPlanMeta, now: StateIdentity & { configHash: string; stateKey?: string }): string | undefined {
  const reasons: string[] = []
  if (now.stateKey !== undefined && now.stateKey !== meta.stateKey) reasons.push(`the state key moved from ${meta.stateKey} to ${now.stateKey} since review`)
  if (meta.lineage !== now.lineage) reasons.push(`the state's lineage is ${now.lineage || '(no state)'}, the plan was made on ${meta.lineage || '(no state)'}`)
  else if (meta.serial !== now.serial) reasons.push(`the state's serial is ${now.serial}, the plan was made on serial ${meta.serial} (another apply since review)`)
  if (meta.configHash !== now.configHash) reasons.push('the configuration or variable files differ from the reviewed ones')
  return reasons.length > 0 ? reasons.join('; ') : undefined
}
