import type { MigrationPlan, KeyMove } from '../key-migration.js'
import type { StateStore } from '../state-store.js'
import { readKeyRecord, writeKeyRecord } from './key-records.js'
import { checkMove, moveState, type MoveCheck } from './move-state.js'

/** One move of a migration with what it finds (dry run) or did (`--yes`). */
export interface MigrationStep extends KeyMove {
  outcome: MoveCheck['outcome'] | 'moved'
  reason?: string
}

/** A migration refused as a whole before anything was copied. */
export class MigrationRefusedError extends Error {
  override name = 'MigrationRefusedError'
}

/**
 * Carries out a migration plan. Every move is checked first: a conflict in the
 * plan or a target holding other content refuses the whole migration before
 * anything is copied. Dry run unless `apply`; with it each state is copied
 * (never deleted) and verified, and the deployment's key record is set to its
 * new key. Running it again changes nothing.
 */
export async function migrateKeys(store: StateStore, plan: MigrationPlan, apply: boolean): Promise<MigrationStep[]> {
  if (plan.conflicts.length > 0) throw new MigrationRefusedError(`refusing to migrate: ${plan.conflicts.join('; ')}`)
  const steps: MigrationStep[] = []
  for (const move of plan.moves) {
    const check = await checkMove(store, move.from, move.to)
    steps.push({ ...move, outcome: check.outcome, ...(check.outcome === 'conflict' ? { reason: check.reason } : {}) })
  }
  const conflicts = steps.filter((s) => s.outcome === 'conflict')
  if (conflicts.length > 0) throw new MigrationRefusedError(`refusing to migrate: ${conflicts.map((s) => `${s.id}: ${s.reason}`).join('; ')}`)
  if (!apply) return steps
  const objects = store.objects
  if (!objects) throw new Error('this state store has no object access')
  for (const step of steps) {
    if (step.outcome === 'no-old-state') continue
    if (step.outcome === 'copy') step.outcome = await moveState(store, step.from, step.to, 'state migrate')
    // The deployment's state now lives at its current key: the key check must not refuse it.
    if ((await readKeyRecord(objects, step.source))?.stateKey !== step.to) await writeKeyRecord(objects, { source: step.source, stateKey: step.to, id: step.id })
  }
  return steps
}
