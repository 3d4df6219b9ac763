import type { Step } from '../step.js'

/**
 * The policy gate judges the plan JSON: deny blocks the deployment, warn is
 * reported. A plan without changes has none (show skipped it and recorded the
 * policy phase as skipped).
 */
export const policyStep: Step = {
  phase: 'policy',
  when: (ctx) => ctx.policyGate !== undefined && ctx.scratch.planJson !== undefined,
  async run(ctx) {
    const verdict = await (ctx.policyGate as NonNullable<typeof ctx.policyGate>)(ctx.deployment, ctx.scratch.planJson)
    ctx.result.policy = verdict.details
    if (!verdict.allowed) return { stop: 'blocked', reason: verdict.summary }
  }
}
