import { writeFile } from 'node:fs/promises'
import { compareChanges, renderChangeDiff } from '../../plans/plan-changes.js'
import { planReads, unseenUpstream, type AppliedUpstream } from '../../plans/plan-reads.js'
import { currentStateIdentity } from '../../plans/io/plan-file-state.js'
import { deleteStoredPlan, loadStoredPlan, pruneOncePerRun } from '../../plans/io/stored-plans.js'
import { describeReview } from '../../plans/review-ref.js'
import { isExpired, staleReason } from '../../plans/stored-plan-meta.js'
import type { ReviewSettings } from '../run-settings.js'
import { StepFailure, type Step, type StepContext } from '../step.js'
import { planStep } from './plan-step.js'
import { showStep } from './show-step.js'
import { deploymentConfigHash, reviewLog, reviewOf } from './store-plan-step.js'

// Deployments that applied changes, per run: a later plan that read their outputs did not see the new values.
const appliedInRun = new Map<string, AppliedUpstream[]>()
// The reviewed plan JSON of a deployment that was planned again, for the comparison after show.
const replanned = new WeakMap<StepContext, { json: unknown; why: string }>()

const messageOf = (error: unknown): string => (error instanceof Error ? error.message || error.name : String(error))

/** Why the stored plan cannot be applied as it is, or undefined. */
async function whyReplan(ctx: StepContext, meta: Parameters<typeof staleReason>[0], json: unknown): Promise<string | undefined> {
  const objects = ctx.store.objects as NonNullable<typeof ctx.store.objects>
  const { id, stateKey } = ctx.deployment
  const state = await currentStateIdentity(objects, stateKey).catch((error: unknown) => `the current state cannot be read (${messageOf(error)})`)
  const stale = typeof state === 'string' ? state : staleReason(meta, { ...state, stateKey, configHash: await deploymentConfigHash(ctx) })
  if (stale) return stale
  const upstream = unseenUpstream(planReads(json), appliedInRun.get(ctx.settings.runId) ?? [], id, ctx.settings.review?.upstream?.[id])
  if (upstream.length > 0) return `it reads data and ${upstream.map((u) => u.id).join(', ')} applied changes in this run after the review`
  return undefined
}

/**
 * Review mode, apply run, in place of plan: applies the plan stored for the
 * pull request when the state's serial and lineage and the configuration hash
 * still match and no upstream deployment it reads applied in this run; no plan
 * command runs (the log says so). Otherwise it plans again and
 * reviewedCompareStep compares the changes after show. No stored plan (never
 * stored, blocked at review, expired): blocked.
 */
export const reviewedPlanStep: Step = {
  phase: 'reviewed-plan',
  async run(ctx) {
    const objects = ctx.store.objects
    if (!objects) throw new StepFailure(`cannot read the reviewed plan: no object access to ${ctx.store.describe(ctx.deployment.stateKey)}`)
    const review = reviewOf(ctx.settings.review as ReviewSettings)
    const pruned = await pruneOncePerRun(objects, ctx.settings.runId)
    if (pruned) await reviewLog(ctx, pruned)
    const stored = await loadStoredPlan(objects, review, ctx.deployment.id).catch((error: unknown) => messageOf(error))
    if (stored === undefined || typeof stored === 'string' || isExpired(stored.meta, new Date())) {
      const what = typeof stored === 'string' ? stored : stored ? `it expired at ${stored.meta.expiresAt}` : 'none is stored (never planned with --review, blocked at review, or expired and pruned)'
      ctx.result.reviewedPlan = { used: false, reason: 'no-reviewed-plan' }
      return { stop: 'blocked', reason: `no-reviewed-plan: no usable reviewed plan of ${ctx.deployment.id} for ${describeReview(review)}: ${what}` }
    }
    const why = await whyReplan(ctx, stored.meta, stored.json)
    const folder = `${objects.location}: ${describeReview(review)}`
    if (!why) {
      await writeFile(ctx.paths.planFile, stored.plan)
      ctx.scratch.planExitCode = stored.meta.hasChanges ? 2 : 0
      ctx.result.hasChanges = stored.meta.hasChanges
      ctx.result.reviewedPlan = { used: true, stored: folder }
      await reviewLog(ctx, `applying the reviewed plan stored by run ${stored.meta.runId} (${folder}): state serial ${stored.meta.serial}, lineage and configuration hash match; no plan command runs`)
      return
    }
    replanned.set(ctx, { json: stored.json, why })
    ctx.result.reviewedPlan = { used: false, stored: folder, reason: why }
    await reviewLog(ctx, `planning again, the reviewed plan cannot be applied as stored: ${why}`)
    return planStep.run(ctx)
  },
  async cleanup(ctx) {
    const r = ctx.result
    if (r.applied) appliedInRun.set(ctx.settings.runId, [...(appliedInRun.get(ctx.settings.runId) ?? []), { id: ctx.deployment.id, stateKey: ctx.deployment.stateKey }])
    if (r.status !== 'succeeded' || r.reviewedPlan?.stored === undefined || !ctx.store.objects) return
    // Applied (or nothing to apply): the stored plan is spent.
    await deleteStoredPlan(ctx.store.objects, reviewOf(ctx.settings.review as ReviewSettings), ctx.deployment.id)
      .then(() => reviewLog(ctx, 'deleted the stored plan after the successful apply'))
      .catch((error: unknown) => reviewLog(ctx, `the stored plan could not be deleted: ${messageOf(error)}`))
  }
}

/**
 * After show, when the deployment was planned again: the same resource
 * changes as reviewed (refresh-only noise and attribute order ignored) apply
 * the new plan; different ones block it as `plan-changed` with a readable diff
 * (its dependents are skipped).
 */
export const reviewedCompareStep: Step = {
  phase: 'review-compare',
  when: (ctx) => replanned.has(ctx),
  async run(ctx) {
    const { json, why } = replanned.get(ctx) as { json: unknown; why: string }
    const differences = compareChanges(json, ctx.scratch.planJson)
    if (differences.length === 0) {
      await reviewLog(ctx, 'the new plan has the same resource changes as the reviewed one: applying it')
      return
    }
    const diff = renderChangeDiff(differences)
    ctx.result.reviewedPlan = { ...ctx.result.reviewedPlan, used: false, reason: 'plan-changed', diff }
    await reviewLog(ctx, `plan-changed: refused\n${diff}`)
    return { stop: 'blocked', reason: `plan-changed: the changes differ from the reviewed plan (${why}); plan the pull request again and review it.\n${diff}` }
  }
}

/** The steps that make the plan: plan and show, or in an apply of reviewed plans the stored plan, show and the comparison. */
export function planningSteps(settings: { review?: Pick<ReviewSettings, 'mode'> }): readonly Step[] {
  return settings.review?.mode === 'apply-reviewed' ? [reviewedPlanStep, showStep, reviewedCompareStep] : [planStep, showStep]
}
