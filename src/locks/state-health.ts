import { stripAnsi } from '../render/strip-ansi.js'

/** What the check after a kill found and did (summary.json: `stateCheck`). */
export interface StateCheck {
  /** ok: readable; restored: put back from a backup; missing: absent or empty with no backup (never written); unrecoverable: broken, no usable backup. */
  status: 'ok' | 'restored' | 'missing' | 'unrecoverable'
  /** What was wrong with the state. */
  problem?: string
  restoredFrom?: string
  /** The backend lock the killed process left, removed. */
  releasedLock?: string
  /** What the log says was created since the backup and the state does not hold: to import. */
  createdSinceBackup?: string[]
  error?: string
}

/** Why a state's bytes are not a usable state (missing, empty, not JSON, no version), or undefined when they are. */
export function stateProblem(bytes: Uint8Array | undefined): string | undefined {
  if (bytes === undefined) return 'it does not exist'
  const text = new TextDecoder().decode(bytes)
  if (text.trim() === '') return `it is empty (${bytes.byteLength} bytes)`
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return `it is not JSON (${(error as Error).message})`
  }
  const version = (value as { version?: unknown } | null)?.version
  return typeof value === 'object' && value !== null && typeof version === 'number' ? undefined : 'it is JSON but not a state (no "version")'
}

/** Whether the bytes are an empty file (what a killed first apply leaves: OpenTofu creates the file to lock it). */
export function isEmptyState(bytes: Uint8Array | undefined): boolean {
  return bytes !== undefined && new TextDecoder().decode(bytes).trim() === ''
}

const CREATED = /^\s*(.+?): Creation complete after /

/**
 * The resources a log says were created (`<address>: Creation complete after ...`),
 * in order, each once. Only the text from the first apply section on counts when
 * the log has sections (`=== apply ...`): a plan creates nothing.
 */
export function createdInLog(log: string): string[] {
  const applyAt = log.search(/^=== apply\b/m)
  const text = applyAt >= 0 ? log.slice(applyAt) : log
  const found = new Set<string>()
  for (const line of stripAnsi(text).split('\n')) {
    const address = CREATED.exec(line)?.[1]
    if (address) found.add(address)
  }
  return [...found]
}

interface StateResource {
  module?: string
  mode?: string
  type?: string
  name?: string
  instances?: { index_key?: string | number }[]
}

/** The resource instance addresses a state holds, as OpenTofu prints them (`module.m.type.name["key"]`). */
export function addressesInState(bytes: Uint8Array | undefined): Set<string> {
  const found = new Set<string>()
  if (stateProblem(bytes)) return found
  const resources = (JSON.parse(new TextDecoder().decode(bytes)) as { resources?: StateResource[] }).resources ?? []
  for (const r of resources) {
    const base = `${r.module ? `${r.module}.` : ''}${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`
    for (const i of r.instances ?? []) found.add(i.index_key === undefined ? base : `${base}[${JSON.stringify(i.index_key)}]`)
  }
  return found
}

/** The lock OpenTofu writes beside a state (`.terraform.tfstate.lock.info`, `.tflock`). */
export interface TofuLockInfo {
  ID?: string
  Operation?: string
  Who?: string
  Created?: string
}

/** A backend lock object's content, or undefined when it is not one. */
export function parseTofuLock(text: string): TofuLockInfo | undefined {
  try {
    const value = JSON.parse(text) as unknown
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as TofuLockInfo) : undefined
  } catch {
    return undefined
  }
}

/**
 * Whether a backend lock was left by the process that was killed: taken by this
 * user on this host (`Who`), not before `since` (when the killed command started).
 * An unreadable lock object counts too: OpenTofu writes it whole, so a torn one
 * is a kill's leftover.
 */
export function lockLeftByKill(info: TofuLockInfo | undefined, who: string, since: Date): boolean {
  if (!info) return true
  const created = info.Created ? Date.parse(info.Created) : Number.NaN
  // One second of slack: Created is the backend's clock reading, since ours.
  return info.Who === who && !Number.isNaN(created) && created >= since.getTime() - 1000
}
