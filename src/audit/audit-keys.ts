import { nameProblem } from '../model/names.js'

/**
 * Key layout of the audit trail in the orchestrator's object store:
 *
 *   audit-logs/{account}/{project}/{action}-{UTC time}-{run id}-{deployment}.json   one record per deployment per run
 *   audit-logs/_runs/{action}-{UTC time}-{run id}.json                               one record per run (summary, levels)
 *   audit-logs/_index/{YYYY}/{MM}/{DD}/{run id}/{deployment}.json                    compact index entry per record
 *   audit-logs/_index/{YYYY}/{MM}/{DD}/{run id}.json                                 the run's entries in one object
 *
 * `_runs` and `_index` start with `_`, which no account name can (see NAME_PATTERN),
 * so they never collide with an account folder. The index day is the UTC day the
 * run started; see history-index.ts for how the report uses it.
 *
 * A deployment id is `/`-separated names; in a key segment every `/` becomes `~`,
 * a character no name may contain, so the encoding is reversible.
 */
export const AUDIT_PREFIX = 'audit-logs'
export const INDEX_PREFIX = `${AUDIT_PREFIX}/_index`
export const RUNS_PREFIX = `${AUDIT_PREFIX}/_runs`

/** What a run did: `plan`, `apply`, `plan-destroy` or `apply-destroy`. */
export type AuditAction = 'plan' | 'apply' | 'plan-destroy' | 'apply-destroy'

/** A key part that would be unsafe or ambiguous in a key. */
export class AuditKeyError extends Error {
  override name = 'AuditKeyError'
}

/** The action of a run from its command and destroy flag. */
export function auditAction(command: 'plan' | 'apply', destroy: boolean): AuditAction {
  return destroy ? `${command}-destroy` : command
}

const checkName = (role: string, value: string): string => {
  const problem = nameProblem(value)
  if (problem) throw new AuditKeyError(`audit key: ${role} ${JSON.stringify(value)} is not valid: ${problem}`)
  return value
}

const checkAction = (action: string): AuditAction => {
  if (!['plan', 'apply', 'plan-destroy', 'apply-destroy'].includes(action)) throw new AuditKeyError(`audit key: unknown action ${JSON.stringify(action)}`)
  return action as AuditAction
}

/** A deployment id as one key segment: each `/` becomes `~` (every segment is validated as a name). */
export function encodeDeploymentId(id: string): string {
  const segments = id.split('/')
  segments.forEach((s) => checkName('deployment id segment', s))
  return segments.join('~')
}

/** The inverse of encodeDeploymentId. */
export function decodeDeploymentId(segment: string): string {
  return segment.split('~').join('/')
}

/** `20261105T142233Z`: UTC, second precision, sorts in time order. */
export function keyTimestamp(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new AuditKeyError('audit key: invalid time')
  return `${at.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`
}

/** Where one deployment's record of one run is stored. `at` is when the deployment finished. */
export function auditRecordKey(p: { account: string; project: string; action: string; at: Date; runId: string; deploymentId: string }): string {
  const file = `${checkAction(p.action)}-${keyTimestamp(p.at)}-${checkName('run id', p.runId)}-${encodeDeploymentId(p.deploymentId)}.json`
  return `${AUDIT_PREFIX}/${checkName('account', p.account)}/${checkName('project', p.project)}/${file}`
}

/** Where a run's own record is stored. `at` is when the run started. */
export function runRecordKey(p: { action: string; at: Date; runId: string }): string {
  return `${RUNS_PREFIX}/${checkAction(p.action)}-${keyTimestamp(p.at)}-${checkName('run id', p.runId)}.json`
}

/** `audit-logs/_index/YYYY/MM/DD/` of a UTC day. */
export function indexDayPrefix(day: Date): string {
  if (Number.isNaN(day.getTime())) throw new AuditKeyError('audit key: invalid time')
  const iso = day.toISOString()
  return `${INDEX_PREFIX}/${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/`
}

/** The index entry of one deployment of a run (filed under the run's start day). */
export function indexEntryKey(runStartedAt: Date, runId: string, deploymentId: string): string {
  return `${indexDayPrefix(runStartedAt)}${checkName('run id', runId)}/${encodeDeploymentId(deploymentId)}.json`
}

/** The run's rolled-up index: every entry of the run in one object. */
export function runIndexKey(runStartedAt: Date, runId: string): string {
  return `${indexDayPrefix(runStartedAt)}${checkName('run id', runId)}.json`
}

/** What an index key names: a run's rollup or one deployment's entry; undefined for anything else. */
export function parseIndexKey(key: string): { runId: string; deploymentId?: string } | undefined {
  const m = key.match(/^audit-logs\/_index\/\d{4}\/\d{2}\/\d{2}\/([^/]+?)(?:\/([^/]+))?\.json$/)
  if (!m?.[1]) return undefined
  return m[2] === undefined ? { runId: m[1] } : { runId: m[1], deploymentId: decodeDeploymentId(m[2]) }
}
