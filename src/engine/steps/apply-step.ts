import { applyPlan } from '../../terraform/io/terraform-cli.js'
import type { Step } from '../step.js'

/** Applies exactly the saved plan, and only when it has changes. */
export const applyStep: Step = {
  phase: 'apply',
  when: (ctx) => ctx.result.hasChanges === true,
  async run(ctx) {
    // Only lock contention is retried: nothing was changed yet and the saved plan is still valid.
    await ctx.command('apply', { run: () => applyPlan(ctx.call, ctx.paths.planFile), ok: (r) => r.exitCode === 0, retryWhen: ['Error acquiring the state lock'] })
    ctx.result.applied = true
  }
}
