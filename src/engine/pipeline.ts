import type { RunSettings } from './run-settings.js'
import type { Step } from './step.js'
import { applyStep } from './steps/apply-step.js'
import { initStep } from './steps/init-step.js'
import { planStep } from './steps/plan-step.js'
import { policyStep } from './steps/policy-step.js'
import { showStep } from './steps/show-step.js'

/**
 * The steps every deployment of a run goes through, decided once from the run
 * settings. plan: init, plan, show, policy. apply: the same, then apply (a
 * destroy run plans with -destroy through the same steps). A new step is one
 * file in steps/ and one entry here.
 */
export function pipelineFor(settings: Pick<RunSettings, 'command'>): readonly Step[] {
  const review = [initStep, planStep, showStep, policyStep]
  return settings.command === 'apply' ? [...review, applyStep] : review
}
