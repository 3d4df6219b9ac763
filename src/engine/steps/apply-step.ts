import type { CommandResult } from '../../terraform/io/executor.js'
import { applyPlan } from '../../terraform/io/terraform-cli.js'
import { StepFailure, type Step } from '../step.js'
import { afterFailedApply, stateBefore } from './failure-after-apply.js'
import { ownWorkdirCall } from './failure-workdir.js'

/**
 * Applies exactly the saved plan, and only when it has changes, in the
 * deployment's own working directory. When it fails: what it really changed,
 * its errored state if OpenTofu could not save one, and the on_failure action.
 */
export const applyStep: Step = {
  phase: 'apply',
  when: (ctx) => ctx.result.hasChanges === true,
  async run(ctx) {
    const call = await ownWorkdirCall(ctx)
    // The state before, to tell what a failed apply really changed.
    const before = await stateBefore(ctx, call)
    let output = ''
    const run = async (): Promise<CommandResult> => {
      const r = await applyPlan(call, ctx.paths.planFile)
      output = r.output
      return r
    }
    try {
      // Only lock contention is retried: nothing was changed yet and the saved plan is still valid.
      await ctx.command('apply', { run, ok: (r) => r.exitCode === 0, retryWhen: ['Error acquiring the state lock'] })
      ctx.result.applied = true
    } catch (error) {
      if (error instanceof StepFailure && !ctx.signal.aborted) await afterFailedApply(ctx, call, before, output)
      throw error
    }
  }
}
