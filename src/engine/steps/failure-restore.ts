import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pushState } from '../../recovery/io/state-commands.js'
import { commandIn, shellWord, type RecoveryRecord } from '../../recovery/recovery-record.js'
import { orphansOf } from '../../recovery/state-changes.js'
import { addressesOf, snapshotOf, type StateSnapshot } from '../../recovery/state-snapshot.js'
import type { StepContext } from '../step.js'

/** Whether the backup taken before the apply can be copied back, and how. */
export interface RestoreCheck {
  key?: string
  /** The backup's text, when it was read. */
  text?: string
  /** Resources the current state records and the backup lacks: a copy-back would orphan them. */
  orphans: string[]
  /** Why there is nothing to copy back. */
  refused?: string
  /** The command that copies it back by hand, when nothing would be orphaned. */
  command?: string
}

/** Reads the backup of this apply and runs the orphan check against the state after the failed apply. */
export async function restoreCheck(ctx: StepContext, after: StateSnapshot): Promise<RestoreCheck> {
  const backup = ctx.result.backup
  if (backup?.status === 'no-previous-state') {
    return { orphans: addressesOf(after), refused: 'there was no state before the apply: there is nothing to copy back' }
  }
  const key = backup?.status === 'backed-up' ? backup.key : undefined
  const objects = ctx.store.objects
  if (!key || !objects) return { orphans: [], refused: `no backup of the state before the apply (${backup?.error ?? backup?.status ?? 'none taken'})` }
  const bytes = await objects.get(key)
  if (!bytes) return { key, orphans: [], refused: `the backup ${key} is not in ${objects.location}` }
  const text = new TextDecoder().decode(bytes)
  const orphans = orphansOf(after, snapshotOf(text, key))
  if (orphans.length > 0) return { key, text, orphans }
  const dataDir = resolve(ctx.paths.dataDir)
  const file = join(dataDir, 'restore.tfstate')
  const push = commandIn(ctx.call.options.cwd, dataDir, ctx.call.binary, ['state', 'push', '-force', file])
  const source = `${objects.location.replace(/\/$/, '')}/${key}`
  // An S3 object is fetched first; a local backup is already a file.
  const fetch = source.startsWith('s3://') ? `aws s3 cp ${shellWord(source)} ${shellWord(file)}` : `cp ${shellWord(source)} ${shellWord(file)}`
  return { key, text, orphans, command: `${fetch} && ${push}` }
}

/**
 * restore-state: copies the backup back (`state push -force`, under the state
 * lock) only when the current state holds no resource the backup lacks;
 * otherwise refuses and lists the resources that would be orphaned.
 */
export async function restoreState(ctx: StepContext, check: RestoreCheck): Promise<RecoveryRecord> {
  const mode = 'restore-state'
  if (check.refused) return { mode, outcome: 'refused', message: check.refused, ...(check.orphans.length > 0 ? { orphans: check.orphans } : {}) }
  if (check.orphans.length > 0 || check.text === undefined) {
    const message = `copying the backup ${check.key} back would orphan ${check.orphans.length} resource(s) that now exist: ${check.orphans.join(', ')}; use on_failure: reapply-previous or undo them by hand`
    return { mode, outcome: 'refused', message, orphans: check.orphans }
  }
  const file = join(resolve(ctx.paths.dataDir), 'restore.tfstate')
  await writeFile(file, check.text)
  try {
    await ctx.command('recover', { run: () => pushState(ctx.call, file, true), ok: (r) => r.exitCode === 0, retryWhen: [] })
  } catch (error) {
    return { mode, outcome: 'failed', message: `copying the backup ${check.key} back failed: ${(error as Error).message}`, commands: check.command ? [check.command] : [] }
  }
  return { mode, outcome: 'restored', message: `copied the backup ${check.key} back; nothing is orphaned` }
}
