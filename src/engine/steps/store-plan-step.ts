import { appendFile, readFile } from 'node:fs/promises'
import { configHash } from '../../plans/io/config-hash.js'
import { planFileState } from '../../plans/io/plan-file-state.js'
import { pruneOncePerRun, storePlan } from '../../plans/io/stored-plans.js'
import { describeReview } from '../../plans/review-ref.js'
import { expiresAt } from '../../plans/stored-plan-meta.js'
import type { ReviewSettings } from '../run-settings.js'
import { StepFailure, type Step, type StepContext } from '../step.js'

/** The review reference of review settings (without mode and retention). */
export const reviewOf = (r: ReviewSettings): { repository: string; pullRequest: number; headSha: string } => ({
  repository: r.repository,
  pullRequest: r.pullRequest,
  headSha: r.headSha
})

/** A line in the deployment's log, in its own section. */
export const reviewLog = (ctx: StepContext, text: string): Promise<void> => appendFile(ctx.paths.logFile, `\n=== ${ctx.settings.review?.mode ?? 'review'} ===\n${text}\n`)

/** The hash of the configuration and variable files this deployment plans from (after init). */
export const deploymentConfigHash = (ctx: StepContext): Promise<string> =>
  configHash({ workingDir: ctx.settings.workingDir, rootDir: ctx.call.options.cwd, dataDir: ctx.paths.dataDir, varFile: ctx.deployment.varFile })

/**
 * Review mode, plan run (after the policy gate): stores the saved plan, its
 * JSON and meta.json (the state serial and lineage the plan file was made
 * from, the configuration hash, the expiry) in the state store under the pull
 * request and head commit, for the apply on merge. A plan that cannot be stored
 * fails the deployment: it could not be applied as reviewed.
 */
export const storePlanStep: Step = {
  phase: 'store-plan',
  when: (ctx) => ctx.settings.review?.mode === 'store',
  async run(ctx) {
    const settings = ctx.settings.review as ReviewSettings
    const objects = ctx.store.objects
    if (!objects) throw new StepFailure(`cannot store the reviewed plan: no object access to ${ctx.store.describe(ctx.deployment.stateKey)}`)
    const pruned = await pruneOncePerRun(objects, ctx.settings.runId)
    try {
      const plan = new Uint8Array(await readFile(ctx.paths.planFile))
      const now = new Date()
      const { counts, hasChanges } = ctx.result
      const folder = await storePlan(
        objects,
        {
          schemaVersion: 1,
          review: reviewOf(settings),
          deploymentId: ctx.deployment.id,
          stateKey: ctx.deployment.stateKey,
          ...planFileState(plan),
          configHash: await deploymentConfigHash(ctx),
          hasChanges: hasChanges === true,
          ...(counts ? { counts } : {}),
          runId: ctx.settings.runId,
          storedAt: now.toISOString(),
          expiresAt: expiresAt(now, settings.planRetentionDays)
        },
        plan,
        ctx.scratch.planJson
      )
      ctx.result.reviewedPlan = { used: false, stored: folder }
      await reviewLog(ctx, `stored the reviewed plan of ${describeReview(reviewOf(settings))} in ${objects.location}: ${folder}${pruned ? `\n${pruned}` : ''}`)
    } catch (error) {
      throw new StepFailure(`cannot store the reviewed plan in ${objects.location}: ${error instanceof Error ? error.message || error.name : String(error)}`)
    }
  }
}
