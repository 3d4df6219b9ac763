import { writeFile } from 'node:fs/promises'
import { summarizePlan } from '../../terraform/plan-summary.js'
import { showPlanJson } from '../../terraform/io/terraform-cli.js'
import { StepFailure, type Step } from '../step.js'

/** `show -json` of the saved plan: the counts, and the JSON the policy gate judges (kept as plan.json). */
export const showStep: Step = {
  phase: 'show',
  async run(ctx) {
    let json: unknown
    await ctx.command('show', {
      run: async () => {
        const shown = await showPlanJson(ctx.call, ctx.paths.planFile)
        json = shown.json
        return shown.result
      },
      ok: (r) => r.exitCode === 0,
      retryWhen: [],
      log: false
    })
    if (json === undefined) throw new StepFailure('show -json printed no plan')
    const { hasChanges, ...counts } = summarizePlan(json)
    ctx.result.counts = counts
    ctx.result.hasChanges = hasChanges || ctx.scratch.planExitCode === 2
    ctx.scratch.planJson = json
    ctx.result.planJsonFile = ctx.paths.planJsonFile
    await writeFile(ctx.paths.planJsonFile, JSON.stringify(json))
  }
}
