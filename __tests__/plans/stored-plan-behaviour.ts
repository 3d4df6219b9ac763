import { deleteStoredPlan, loadStoredPlan, pruneExpiredPlans, storePlan } from '../../src/plans/io/stored-plans.js'
import { storedPlanKeys, type ReviewRef } from '../../src/plans/review-ref.js'
import type { StoredPlanMeta } from '../../src/plans/stored-plan-meta.js'
import type { ObjectStore } from '../../src/state/object-store.js'

export const review: ReviewRef = { repository: 'acme/infra', pullRequest: 12, headSha: 'abcdef1' }
const DAY = 86_400_000
/** The metadata of a plan stored at `storedAt` for `days`. */
export const metaFor = (id: string, storedAt: Date, days: number): Omit<StoredPlanMeta, 'planSha256'> => ({
  schemaVersion: 1,
  review,
  deploymentId: id,
  stateKey: `${id}/terraform.tfstate`,
  serial: 3,
  lineage: 'l-1',
  configHash: 'h'.repeat(64),
  hasChanges: true,
  runId: 'run-1',
  storedAt: storedAt.toISOString(),
  expiresAt: new Date(storedAt.getTime() + days * DAY).toISOString()
})

/** Shared by the local folder store (here) and S3 on MinIO (stored-plans-minio.test.ts). */
export function storedPlanBehaviour(objects: () => ObjectStore): void {
  it('stores, reads back, refuses an altered plan file and deletes a stored plan', async () => {
    const store = objects()
    const plan = new Uint8Array([80, 75, 5, 6, 1, 2, 3])
    const folder = await storePlan(store, metaFor('s3/acct/east/app', new Date(), 30), plan, { resource_changes: [] })
    expect(folder).toBe('reviewed-plans/acme/infra/pr-12/abcdef1/s3~acct~east~app/')
    const loaded = await loadStoredPlan(store, review, 's3/acct/east/app')
    expect(loaded).toMatchObject({ meta: { serial: 3, lineage: 'l-1', deploymentId: 's3/acct/east/app' }, json: { resource_changes: [] } })
    expect([...(loaded?.plan ?? [])]).toEqual([...plan])
    await store.put(storedPlanKeys(review, 's3/acct/east/app').plan, new Uint8Array([1]))
    await expect(loadStoredPlan(store, review, 's3/acct/east/app')).rejects.toThrow('does not match the SHA-256 recorded when it was stored')
    await deleteStoredPlan(store, review, 's3/acct/east/app')
    expect(await loadStoredPlan(store, review, 's3/acct/east/app')).toBeUndefined()
    expect(await store.list(folder)).toEqual([])
  })

  it('prunes stored plans past their retention and keeps the others', async () => {
    const store = objects()
    const now = new Date()
    await storePlan(store, metaFor('kms/acct/east/old', new Date(now.getTime() - 10 * DAY), 7), new Uint8Array([1]), {})
    await storePlan(store, metaFor('kms/acct/east/new', new Date(now.getTime() - 2 * DAY), 7), new Uint8Array([2]), {})
    expect(await pruneExpiredPlans(store, now)).toEqual(['reviewed-plans/acme/infra/pr-12/abcdef1/kms~acct~east~old/'])
    expect(await loadStoredPlan(store, review, 'kms/acct/east/old')).toBeUndefined()
    expect(await loadStoredPlan(store, review, 'kms/acct/east/new')).toBeDefined()
    expect(await pruneExpiredPlans(store, new Date(now.getTime() + 6 * DAY))).toEqual(['reviewed-plans/acme/infra/pr-12/abcdef1/kms~acct~east~new/'])
    expect(await store.list('reviewed-plans/')).toEqual([])
  })
}

