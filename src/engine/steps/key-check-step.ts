import { readKeyRecord, writeKeyRecord } from '../../state/io/key-records.js'
import { moveState } from '../../state/io/move-state.js'
import type { DeploymentResult } from '../../model/run-result.js'
import type { Step, StepContext } from '../step.js'

// What the key check found, for the key record step after apply (undefined: no record yet).
const recorded = new WeakMap<DeploymentResult, string | undefined>()

/** The state key the store had recorded for this deployment when the key check ran (has(): whether it ran). */
export const recordedKeys: Pick<WeakMap<DeploymentResult, string | undefined>, 'get' | 'has'> = recorded

/** The message of a refused deployment: both keys and the command that moves the state. */
export function keyMovedMessage(source: string, id: string, from: string, to: string): string {
  return (
    `the state key of ${source} moved: it last applied to ${from}, it now computes ${to}; planning at the new key would create everything again. ` +
    `Move the state first: tf-orchestrator state migrate ${id} --from '${from}' --yes (or set state.follow_key_changes: true)`
  )
}

async function follow(ctx: StepContext, from: string): Promise<void> {
  const d = ctx.deployment
  // A plan changes nothing: it reads the state where it still is.
  if (ctx.settings.command === 'plan') {
    ctx.deployment = { ...d, stateKey: from }
    return
  }
  const objects = ctx.store.objects as NonNullable<typeof ctx.store.objects>
  await moveState(ctx.store, from, d.stateKey, 'follow_key_changes')
  await writeKeyRecord(objects, { source: d.source, stateKey: d.stateKey, id: d.id })
  recorded.set(ctx.result, d.stateKey)
}

/**
 * Before init: compares the deployment's computed state key with the key its
 * file last applied to (recorded in the store). When it moved, refuses the
 * deployment naming both keys, or with `state.follow_key_changes: true`
 * moves the state (copy and verify under both locks) and goes on.
 */
export const keyCheckStep: Step = {
  phase: 'key-check',
  when: (ctx) => ctx.store.objects !== undefined && !ctx.settings.destroy,
  async run(ctx) {
    const d = ctx.deployment
    const record = await readKeyRecord(ctx.store.objects as NonNullable<typeof ctx.store.objects>, d.source)
    recorded.set(ctx.result, record?.stateKey)
    if (!record || record.stateKey === d.stateKey) return
    if (!ctx.store.followKeyChanges) return { stop: 'blocked', reason: keyMovedMessage(d.source, d.id, record.stateKey, d.stateKey) }
    try {
      await follow(ctx, record.stateKey)
    } catch (error) {
      return { stop: 'blocked', reason: `cannot follow the state key of ${d.source} from ${record.stateKey} to ${d.stateKey}: ${(error as Error).message}` }
    }
  }
}
