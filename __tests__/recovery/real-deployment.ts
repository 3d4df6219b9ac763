import { join } from 'node:path'
import { InitGate } from '../../src/engine/init-gate.js'
import type { PolicyGate } from '../../src/engine/policy-hook.js'
import { runDeployment } from '../../src/engine/run-deployment.js'
import type { RunSettings } from '../../src/engine/run-settings.js'
import type { Step } from '../../src/engine/step.js'
import { applyStep } from '../../src/engine/steps/apply-step.js'
import { backupStateStep } from '../../src/engine/steps/backup-state-step.js'
import { erroredStateStep } from '../../src/engine/steps/failure-errored-state-step.js'
import { initStep } from '../../src/engine/steps/init-step.js'
import { planStep } from '../../src/engine/steps/plan-step.js'
import { policyStep } from '../../src/engine/steps/policy-step.js'
import { showStep } from '../../src/engine/steps/show-step.js'
import type { SelectedDeployment } from '../../src/model/deployment.js'
import type { DeploymentResult } from '../../src/model/run-result.js'
import { localStateStore } from '../../src/state/io/local-state-store.js'
import { execCommand } from '../../src/terraform/io/executor.js'

/** The apply pipeline with the errored-state step after init (as the lead wires it). */
export const failureSteps: readonly Step[] = [initStep, erroredStateStep, planStep, showStep, policyStep, backupStateStep, applyStep]

/** A deployment of root module `rootDir` (relative to the working dir), optionally with a var file. */
export function deployment(name: string, rootDir: string, varFile?: string): SelectedDeployment {
  return {
    id: `app/acct/east/${name}`,
    name: `acct/east/${name}`,
    layout: varFile ? 'tfvars' : 'stacks',
    account: 'acct',
    region: 'east',
    project: name,
    services: ['app'],
    stateKey: `app/acct/east/${name}/terraform.tfstate`,
    rootDir,
    ...(varFile ? { varFile, source: varFile } : { source: rootDir }),
    reasons: [{ kind: 'all', text: 'all' }]
  }
}

/** Real OpenTofu run settings for `dir`. */
export function realSettings(dir: string, over: Partial<RunSettings> = {}): RunSettings {
  return {
    command: 'apply',
    destroy: false,
    workingDir: dir,
    binary: 'tofu',
    opaBinary: 'opa',
    workers: 2,
    timeoutMs: 120_000,
    graceMs: 2000,
    retry: { maxAttempts: 1, initialDelayMs: 1, patterns: [] },
    throttle: { windowMs: 0 },
    workDir: join(dir, '.tf-orchestrator', 'work'),
    runDir: join(dir, '.tf-orchestrator', 'runs', `r${Date.now()}`),
    runId: 'test',
    pluginCacheDir: join(dir, '.tf-orchestrator', 'plugin-cache'),
    historyFile: join(dir, '.tf-orchestrator', 'history.json'),
    debug: false,
    noColor: true,
    strategy: 'dag',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', TF_CLI_CONFIG_FILE: '/dev/null' },
    ...over
  }
}

/** Runs deployments at once (one init gate, like one run) with the real binary; state under `stateDir`. */
export function runReal(ds: SelectedDeployment[], settings: RunSettings, stateDir: string, policyGate?: PolicyGate): Promise<DeploymentResult[]> {
  const initGate = new InitGate()
  const store = localStateStore(stateDir)
  return Promise.all(
    ds.map((d, i) =>
      runDeployment(d, { settings, steps: failureSteps, exec: execCommand, store, initGate, policyGate, cancel: new AbortController().signal, workerId: i + 1, onPhase: () => undefined })
    )
  )
}
