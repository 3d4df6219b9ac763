import { writeFileSync } from 'node:fs'
import { summarizePlan } from '../../terraform/plan-summary.js'
import { showPlanJson } from '../../terraform/io/terraform-cli.js'
import { StepFailure, type Step, type StepContext } from '../step.js'

/**
 * A plan that exited 0 has no changes: nothing to count, nothing for the
 * policy gate to judge. Review store mode still shows it: the stored plan's
 * JSON is what the apply run compares a new plan with.
 */
const nothingToShow = (ctx: StepContext): boolean => ctx.scratch.planExitCode === 0 && ctx.settings.review?.mode !== 'store'

/**
 * Nothing reads the plan JSON before apply (no policy gate, no review): `show`
 * runs beside `apply` instead of before it. Both only read the saved plan; the
 * JSON is still in the result, the audit record and every report.
 */
const besideApply = (ctx: StepContext): boolean =>
  ctx.settings.command === 'apply' && ctx.policyGate === undefined && ctx.settings.review === undefined && ctx.scratch.planExitCode === 2

/** `show -json` of the saved plan: the counts, and the JSON the policy gate judges (kept as plan.json). */
export const showStep: Step = {
  phase: 'show',
  async run(ctx) {
    if (nothingToShow(ctx)) {
      ctx.result.counts = { create: 0, update: 0, delete: 0, replace: 0 }
      ctx.result.hasChanges = false
      // attempts stays 1 like every phase without retries (reports count retries as attempts - 1).
      const phases = ctx.result.phases
      phases.show = { ...(phases.show ?? { durationMs: 0 }), attempts: 1, skipped: true }
      // The policy step does not run without plan JSON; the record says why there is no verdict.
      if (ctx.policyGate) phases.policy = { startedAt: new Date().toISOString(), durationMs: 0, attempts: 1, skipped: true }
      return
    }
    if (!besideApply(ctx)) return showPlan(ctx)
    ctx.result.hasChanges = true
    const started = Date.now()
    // At a lower CPU priority: the other deployments' init, plan and apply are what the run waits for.
    ctx.scratch.showing = showPlan(ctx, true).then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error)))
    ).finally(() => {
      const phase = ctx.result.phases.show
      if (phase) phase.durationMs = Date.now() - started
    })
  },
  // The deployment's result is complete only with its plan JSON: wait for a `show` that ran beside apply.
  async cleanup(ctx) {
    const error = await ctx.scratch.showing
    if (!error || ctx.result.status !== 'succeeded') return
    ctx.result.status = 'failed'
    ctx.result.error = `${error.message}${ctx.result.applied ? ' (the plan was applied)' : ''}`
  }
}

async function showPlan(ctx: StepContext, background = false): Promise<void> {
  let json: unknown
  await ctx.command('show', {
    run: async () => {
      const shown = await showPlanJson(ctx.call, ctx.paths.planFile, background)
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
  // Directly: the text is in memory already, and the page cache takes it faster than three trips through the thread pool.
  writeFileSync(ctx.paths.planJsonFile, JSON.stringify(json))
}
