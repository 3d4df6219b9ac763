import { readFile } from 'node:fs/promises'
import { collectErroredState, settleErroredState } from '../../recovery/io/errored-state.js'
import { pullState } from '../../recovery/io/state-commands.js'
import { failedToSaveState, type ErroredStateRecord, type RecoveryRecord } from '../../recovery/recovery-record.js'
import { changedAnything, describeChanges, stateChanges, type ApplyChanges } from '../../recovery/state-changes.js'
import { snapshotOf, type StateSnapshot } from '../../recovery/state-snapshot.js'
import type { TerraformCall } from '../../terraform/io/terraform-cli.js'
import type { StepContext } from '../step.js'
import { reapplyCommands, reapplyPrevious } from './failure-reapply.js'
import { restoreCheck, restoreState } from './failure-restore.js'

/** The state after a failed apply: the store's, or the errored state OpenTofu could not save there. */
async function stateAfter(call: TerraformCall, errored: ErroredStateRecord | undefined): Promise<StateSnapshot | undefined> {
  if (errored && !errored.pushed) return snapshotOf(await readFile(errored.file, 'utf8'), errored.file)
  return (await pullState(call)).snapshot
}

/**
 * The state before the apply, to tell later what a failed apply changed: the
 * backup just taken (no extra command), else `state pull`.
 */
export async function stateBefore(ctx: StepContext, call: TerraformCall): Promise<{ snapshot?: StateSnapshot; error?: string }> {
  const backup = ctx.result.backup
  if (backup?.status === 'no-previous-state') return { snapshot: { resources: {} } }
  if (backup?.status === 'backed-up' && backup.key && ctx.store.objects) {
    const bytes = await ctx.store.objects.get(backup.key).catch(() => undefined)
    // An encrypted state (OpenTofu state encryption) is not readable here: ask the backend.
    try {
      if (bytes) return { snapshot: snapshotOf(new TextDecoder().decode(bytes), backup.key) }
    } catch {}
  }
  return pullState(call)
}

/**
 * After a failed apply: keeps (and if possible pushes) the state OpenTofu could
 * not save, records what the apply really changed, then does what `on_failure`
 * says. Records everything in the result; never throws (the apply's own
 * failure stays the deployment's error).
 */
export async function afterFailedApply(ctx: StepContext, call: TerraformCall, before: { snapshot?: StateSnapshot; error?: string }, output: string): Promise<void> {
  const mode = ctx.settings.onFailure ?? 'report'
  try {
    const file = await collectErroredState(call.options.cwd, ctx.paths.dataDir)
    if (file === undefined && failedToSaveState(output)) {
      // OpenTofu could not write errored.tfstate either: its last resort printed the state into the log.
      const message = `OpenTofu could not save the state nor write errored.tfstate; the state JSON is in the log ${ctx.paths.logFile}`
      ctx.result.recovery = { mode, outcome: 'refused', message }
      return
    }
    // Pushed with the root module's call: that is the command people are given.
    const errored = file === undefined ? undefined : await settleErroredState(ctx.call, file, ctx.paths.dataDir)
    if (errored) ctx.result.erroredState = errored
    const after = await stateAfter(call, errored)
    if (!after || before.error !== undefined) {
      ctx.result.recovery = { mode, outcome: 'refused', message: `what the apply changed is unknown: ${before.error ?? 'the state after it cannot be read'}` }
      return
    }
    const changes = stateChanges(before.snapshot, after, errored && !errored.pushed ? 'errored-state' : 'store')
    ctx.result.applyChanges = changes
    ctx.result.recovery = await recover(ctx, call, changes, after, errored)
  } catch (error) {
    ctx.result.recovery = { mode, outcome: 'failed', message: `after the failed apply: ${(error as Error).message}` }
  }
}

async function recover(ctx: StepContext, call: TerraformCall, changes: ApplyChanges, after: StateSnapshot, errored: ErroredStateRecord | undefined): Promise<RecoveryRecord> {
  const mode = ctx.settings.onFailure ?? 'report'
  if (!changedAnything(changes)) return { mode, outcome: 'nothing-to-do', message: 'the failed apply changed nothing in the state' }
  const what = describeChanges(changes)
  if (errored && !errored.pushed) {
    const message = `the state could not be saved (${what}); push the errored state first: ${errored.command}`
    return { mode, outcome: mode === 'report' ? 'reported' : 'refused', message, commands: [errored.command] }
  }
  if (mode === 'reapply-previous') return reapplyPrevious(ctx, call)
  const restore = await restoreCheck(ctx, after)
  if (mode === 'restore-state') return restoreState(ctx, restore)
  const commands = [...(await reapplyCommands(ctx)), ...(restore.command ? [restore.command] : [])]
  const restoreNote = restore.orphans.length > 0 ? `; restoring the backup would orphan ${restore.orphans.join(', ')}` : restore.refused ? `; ${restore.refused}` : ''
  return { mode, outcome: 'reported', message: `nothing rolled back; the failed apply changed ${what}${restoreNote}`, commands }
}
