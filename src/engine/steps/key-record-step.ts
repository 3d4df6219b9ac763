import { writeKeyRecord } from '../../state/io/key-records.js'
import type { Step } from '../step.js'
import { recordedKeys } from './key-check-step.js'

/**
 * After a successful apply: records in the store which state key the
 * deployment's file applied to, so that a later run notices when its computed
 * key moves. Runs only when the record is missing or different. A record that
 * cannot be written does not undo a successful apply: it is reported.
 */
export const keyRecordStep: Step = {
  phase: 'key-record',
  when: (ctx) =>
    ctx.settings.command === 'apply' &&
    !ctx.settings.destroy &&
    ctx.store.objects !== undefined &&
    recordedKeys.has(ctx.result) &&
    recordedKeys.get(ctx.result) !== ctx.deployment.stateKey,
  async run(ctx) {
    const d = ctx.deployment
    try {
      await writeKeyRecord(ctx.store.objects as NonNullable<typeof ctx.store.objects>, { source: d.source, stateKey: d.stateKey, id: d.id })
    } catch (error) {
      ctx.result.keyRecordError = `cannot record that ${d.source} applied to ${d.stateKey}: ${error instanceof Error ? error.message || error.name : String(error)}`
    }
  }
}
