import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { SelectedDeployment } from '../model/deployment.js'
import { summarizePlan } from '../terraform/plan-summary.js'
import { backoffMs, retryableMatch } from '../schedule/retry-policy.js'
import type { StateStore } from '../state/state-store.js'
import type { CommandResult, Executor } from '../terraform/io/executor.js'
import { applyPlan, errorLine, init, plan, showPlanJson, type TerraformCall } from '../terraform/io/terraform-cli.js'
import type { InitGate } from './init-gate.js'
import type { PolicyGate } from './policy-hook.js'
import type { RunSettings } from './run-settings.js'
import type { DeploymentResult, Phase } from '../model/run-result.js'

export interface DeploymentContext {
  settings: RunSettings
  exec: Executor
  store: StateStore
  initGate: InitGate
  policyGate?: PolicyGate
  /** The run's cancellation (SIGINT / SIGTERM). */
  cancel: AbortSignal
  workerId: number
  /** A phase finished (for progress lines). */
  onPhase: (phase: Phase, result: DeploymentResult) => void
  /** Full output, when --debug streams it. */
  onOutputLine?: (line: string) => void
}

class PhaseFailure extends Error {}

/**
 * One deployment's pipeline: init, plan (saved), show -json, policy, and for
 * apply the saved plan. Never throws: every outcome is a DeploymentResult.
 */
export async function runDeployment(d: SelectedDeployment, ctx: DeploymentContext): Promise<DeploymentResult> {
  const { settings } = ctx
  const started = Date.now()
  const dataDir = join(settings.workDir, ...d.id.split('/'))
  const planFile = join(dataDir, 'plan.tfplan')
  const logFile = join(settings.runDir, 'logs', `${d.id.replace(/\//g, '__')}.log`)
  const result: DeploymentResult = {
    id: d.id,
    name: d.name,
    services: d.services,
    stateKey: d.stateKey,
    reasons: d.reasons,
    status: 'succeeded',
    phases: {},
    attempts: 0,
    retries: [],
    workerId: ctx.workerId,
    durationMs: 0,
    logFile
  }

  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(new Error('timeout')), settings.timeoutMs)
  const signal = AbortSignal.any([ctx.cancel, timeout.signal])
  await mkdir(dataDir, { recursive: true })
  await mkdir(dirname(logFile), { recursive: true })
  await rm(planFile, { force: true })

  const call: TerraformCall = {
    exec: ctx.exec,
    binary: settings.binary,
    noColor: settings.noColor,
    options: {
      cwd: join(settings.workingDir, d.rootDir),
      env: { ...settings.env, TF_DATA_DIR: dataDir, TF_IN_AUTOMATION: '1', TF_INPUT: '0', TF_PLUGIN_CACHE_DIR: settings.pluginCacheDir },
      signal,
      graceMs: settings.graceMs,
      onLine: ctx.onOutputLine
    }
  }

  /** Runs a phase with retries for the configured patterns; throws PhaseFailure when it failed. */
  const phase = async (name: Phase, run: () => Promise<CommandResult>, ok: (r: CommandResult) => boolean, retryWhen?: string[]): Promise<CommandResult> => {
    const phaseStarted = Date.now()
    for (let attempt = 1; ; attempt++) {
      result.attempts++
      const r = await run()
      await appendFile(logFile, `\n=== ${name} (attempt ${attempt}, exit ${r.exitCode}) ===\n${r.output}`)
      result.phases[name] = { durationMs: Date.now() - phaseStarted, attempts: attempt, exitCode: r.exitCode }
      if (ok(r)) return r
      if (r.interrupted || signal.aborted) throw new PhaseFailure(`${name} interrupted`)
      const matched = retryableMatch(r.output, retryWhen ?? settings.retry.patterns)
      if (!matched || attempt >= settings.retry.maxAttempts) throw new PhaseFailure(`${name} failed (exit ${r.exitCode}): ${errorLine(r.output)}`)
      const delayMs = backoffMs(attempt, settings.retry.initialDelayMs)
      result.retries.push({ phase: name, attempt, matched, delayMs })
      await sleep(delayMs, undefined, { signal }).catch(() => undefined)
      if (signal.aborted) throw new PhaseFailure(`${name} interrupted`)
    }
  }

  try {
    await ctx.initGate.run(
      d.rootDir,
      (readonly) => phase('init', () => init(call, ctx.store.backendConfig(d.stateKey), readonly), (r) => r.exitCode === 0),
      () => true
    )
    ctx.onPhase('init', result)

    const planned = await phase(
      'plan',
      () => plan(call, { out: planFile, varFile: d.varFile ? join(settings.workingDir, d.varFile) : undefined, destroy: settings.destroy }),
      (r) => r.exitCode === 0 || r.exitCode === 2
    )
    const shown = await showPlanJson(call, planFile)
    result.phases.show = { durationMs: shown.result.durationMs, attempts: 1, exitCode: shown.result.exitCode }
    if (shown.json === undefined) throw new PhaseFailure(`show -json failed (exit ${shown.result.exitCode}): ${errorLine(shown.result.output)}`)
    const summary = summarizePlan(shown.json)
    const { hasChanges, ...counts } = summary
    result.counts = counts
    result.hasChanges = hasChanges || planned.exitCode === 2
    result.planJsonFile = join(dataDir, 'plan.json')
    await writeFile(result.planJsonFile, shown.result.stdout)
    ctx.onPhase('plan', result)

    if (ctx.policyGate) {
      const policyStarted = Date.now()
      const verdict = await ctx.policyGate(d, shown.json)
      result.phases.policy = { durationMs: Date.now() - policyStarted, attempts: 1 }
      result.policy = verdict.details
      if (!verdict.allowed) {
        result.status = 'blocked'
        result.error = verdict.summary
        return result
      }
      ctx.onPhase('policy', result)
    }

    if (settings.command === 'apply' && result.hasChanges) {
      // Only lock contention is retried: nothing was changed yet and the saved plan is still valid.
      await phase('apply', () => applyPlan(call, planFile), (r) => r.exitCode === 0, ['Error acquiring the state lock'])
      result.applied = true
      ctx.onPhase('apply', result)
    }
  } catch (error) {
    result.status = timeout.signal.aborted ? 'timed-out' : ctx.cancel.aborted ? 'cancelled' : 'failed'
    result.error =
      result.status === 'timed-out'
        ? `timed out after ${Math.round(settings.timeoutMs / 1000)}s`
        : error instanceof PhaseFailure
          ? error.message
          : `unexpected error: ${error instanceof Error ? error.message : String(error)}`
  } finally {
    clearTimeout(timer)
    result.durationMs = Date.now() - started
    result.stateBytes = await ctx.store.stateBytes(d.stateKey)
  }
  return result
}
