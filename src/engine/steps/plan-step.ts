import { join } from 'node:path'
import { plan } from '../../terraform/io/terraform-cli.js'
import type { Step } from '../step.js'

/** `plan -out -detailed-exitcode` (exit 2 = changes), with `-destroy` for destroy runs. */
export const planStep: Step = {
  phase: 'plan',
  async run(ctx) {
    const { deployment: d, settings } = ctx
    const varFile = d.varFile ? join(settings.workingDir, d.varFile) : undefined
    const planned = await ctx.command('plan', {
      run: () => plan(ctx.call, { out: ctx.paths.planFile, varFile, destroy: settings.destroy }),
      ok: (r) => r.exitCode === 0 || r.exitCode === 2
    })
    ctx.scratch.planExitCode = planned.exitCode
    ctx.result.hasChanges = planned.exitCode === 2
  }
}
