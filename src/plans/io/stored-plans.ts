import { createHash } from 'node:crypto'
import type { ObjectStore } from '../../state/object-store.js'
import { isMetaKey, PLANS_PREFIX, storedPlanKeys, type ReviewRef } from '../review-ref.js'
import { isExpired, parseStoredPlanMeta, type StoredPlanMeta } from '../stored-plan-meta.js'

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)

/** A stored plan read back: its metadata, the saved plan file and its JSON. */
export interface StoredPlan {
  meta: StoredPlanMeta
  plan: Uint8Array
  json: unknown
}

/**
 * Stores a deployment's reviewed plan: the saved plan file, its JSON, then
 * meta.json last, so a plan without metadata is never read as complete. The
 * store encrypts every write (SSE on S3). A new plan for the same review and
 * deployment replaces the old one.
 */
export async function storePlan(objects: ObjectStore, meta: Omit<StoredPlanMeta, 'planSha256'>, plan: Uint8Array, json: unknown): Promise<string> {
  const keys = storedPlanKeys(meta.review, meta.deploymentId)
  await objects.delete(keys.meta)
  await objects.put(keys.plan, plan, { contentType: 'application/zip' })
  await objects.put(keys.json, JSON.stringify(json), { contentType: 'application/json' })
  const full: StoredPlanMeta = { ...meta, planSha256: sha256(plan) }
  await objects.put(keys.meta, `${JSON.stringify(full, null, 2)}\n`, { contentType: 'application/json' })
  return keys.folder
}

/** Why a stored plan could not be read, when it exists but is unusable. */
export class StoredPlanError extends Error {
  override name = 'StoredPlanError'
}

/** The stored plan of a review and deployment; undefined when none was stored. Throws StoredPlanError when it is incomplete or altered. */
export async function loadStoredPlan(objects: ObjectStore, review: ReviewRef, deploymentId: string): Promise<StoredPlan | undefined> {
  const keys = storedPlanKeys(review, deploymentId)
  const metaBytes = await objects.get(keys.meta)
  if (!metaBytes) return undefined
  let meta: StoredPlanMeta | undefined
  try {
    meta = parseStoredPlanMeta(JSON.parse(decode(metaBytes)))
  } catch {}
  if (!meta) throw new StoredPlanError(`${keys.meta} is not stored-plan metadata`)
  const [plan, json] = await Promise.all([objects.get(keys.plan), objects.get(keys.json)])
  if (!plan || !json) throw new StoredPlanError(`the stored plan in ${keys.folder} is incomplete`)
  if (sha256(plan) !== meta.planSha256) throw new StoredPlanError(`${keys.plan} does not match the SHA-256 recorded when it was stored`)
  return { meta, plan, json: JSON.parse(decode(json)) as unknown }
}

/** Deletes a deployment's stored plan (metadata first: a half-deleted plan is never read as complete). */
export async function deleteStoredPlan(objects: ObjectStore, review: ReviewRef, deploymentId: string): Promise<void> {
  const keys = storedPlanKeys(review, deploymentId)
  for (const key of [keys.meta, keys.plan, keys.json]) await objects.delete(key)
}

/**
 * Deletes every stored plan past its retention (its meta.json's expiresAt),
 * and plan folders whose metadata is unreadable once they are older than
 * `orphanMs`. Returns the folders deleted.
 */
export async function pruneExpiredPlans(objects: ObjectStore, now: Date, orphanMs = 86_400_000): Promise<string[]> {
  const listed = await objects.list(PLANS_PREFIX)
  const folders = new Map<string, { keys: string[]; newest: number; meta?: string }>()
  for (const info of listed) {
    const folder = info.key.slice(0, info.key.lastIndexOf('/') + 1)
    const f = folders.get(folder) ?? { keys: [], newest: 0 }
    f.keys.push(info.key)
    f.newest = Math.max(f.newest, info.lastModified.getTime())
    if (isMetaKey(info.key)) f.meta = info.key
    folders.set(folder, f)
  }
  const pruned: string[] = []
  for (const [folder, f] of folders) {
    const body = f.meta ? await objects.get(f.meta) : undefined
    let meta: StoredPlanMeta | undefined
    try {
      meta = body ? parseStoredPlanMeta(JSON.parse(decode(body))) : undefined
    } catch {}
    const expired = meta ? isExpired(meta, now) : now.getTime() - f.newest > orphanMs
    if (!expired) continue
    // Metadata first, as in deleteStoredPlan.
    for (const key of f.keys.sort((a, b) => Number(isMetaKey(b)) - Number(isMetaKey(a)))) await objects.delete(key)
    pruned.push(folder)
  }
  return pruned
}

const pruned = new Map<string, Promise<string[]>>()

/** pruneExpiredPlans once per run (the first deployment that needs it); a failure is returned as a message, never thrown. */
export async function pruneOncePerRun(objects: ObjectStore, runId: string): Promise<string | undefined> {
  let once = pruned.get(runId)
  if (!once) pruned.set(runId, (once = pruneExpiredPlans(objects, new Date())))
  try {
    const folders = await once
    return folders.length > 0 ? `deleted ${folders.length} expired stored plan(s)` : undefined
  } catch (error) {
    return `expired stored plans were not pruned: ${error instanceof Error ? error.message || error.name : String(error)}`
  }
}
