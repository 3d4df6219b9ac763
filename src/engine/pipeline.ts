import type { RunSettings } from './run-settings.js'
import type { Step } from './step.js'
import { applyStep } from './steps/apply-step.js'
import { backupStateStep } from './steps/backup-state-step.js'
import { erroredStateStep } from './steps/failure-errored-state-step.js'
import { initStep } from './steps/init-step.js'
import { keyCheckStep } from './steps/key-check-step.js'
import { keyRecordStep } from './steps/key-record-step.js'
import { policyStep } from './steps/policy-step.js'
import { prLockStep } from './steps/pr-lock-step.js'
import { planningSteps } from './steps/reviewed-plan-step.js'
import { runLockStep } from './steps/run-lock-step.js'
import { stateCheckStep } from './steps/state-check-step.js'
import { storePlanStep } from './steps/store-plan-step.js'

/**
 * The steps every deployment of a run goes through, decided once from the run
 * settings. plan: the deployment's run lock (held until it ends), a check
 * that its state is readable, key check, init, push back state a failed save
 * left behind, plan, show, policy. apply: the same, then
 * the state backup, apply and the key record (a destroy run plans with
 * -destroy through the same steps). With --review a plan run stores its
 * plans after the gate, and an apply run applies the stored plans instead of
 * planning (see reviewed-plan-step.ts). A new step is one file in steps/ and one
 * entry here.
 */
export function pipelineFor(settings: Pick<RunSettings, 'command' | 'review'>): readonly Step[] {
  const review = [runLockStep, stateCheckStep, keyCheckStep, initStep, erroredStateStep, ...planningSteps(settings), policyStep]
  if (settings.command !== 'apply') return [...review, prLockStep, storePlanStep]
  // The verified backup first: with the store unreachable, apply is refused with the backup's reason.
  return [...review, backupStateStep, prLockStep, applyStep, keyRecordStep]
}
