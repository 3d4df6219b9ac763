import { backupState } from '../../state/io/backup-state.js'
import type { Step } from '../step.js'

/**
 * Before apply: copies the current state to `backups/{state key}.{UTC time}.backup`
 * (encrypted like every write) and verifies the copy's size and SHA-256. With
 * `backup: required` (the default) a backup that cannot be made or verified
 * blocks the apply; best-effort records the error and applies; off skips it.
 */
export const backupStateStep: Step = {
  phase: 'backup',
  when: (ctx) => ctx.settings.command === 'apply' && ctx.result.hasChanges === true,
  async run(ctx) {
    const mode = ctx.store.backupMode ?? 'required'
    if (mode === 'off') {
      ctx.result.backup = { status: 'skipped' }
      return
    }
    try {
      if (!ctx.store.objects) throw new Error(`no object access to ${ctx.store.describe(ctx.deployment.stateKey)}`)
      const done = await backupState(ctx.store.objects, ctx.deployment.stateKey)
      ctx.result.backup = done
    } catch (error) {
      // Some SDK errors (a connection refused) have an empty message: their name says it.
      const message = error instanceof Error ? error.message || error.name : String(error)
      const what = `state backup of ${ctx.store.describe(ctx.deployment.stateKey)} failed`
      ctx.result.backup = { status: 'failed', error: `${what}: ${message}` }
      if (mode === 'required') return { stop: 'blocked', reason: `${what}, apply not run (backup: required): ${message}` }
    }
  }
}
