import { appendFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Phase } from '../model/run-result.js'
import { stripAnsi } from '../render/strip-ansi.js'
import { backoffMs, retryableMatch } from '../schedule/retry-policy.js'
import type { CommandResult } from '../terraform/io/executor.js'
import { errorLine } from '../terraform/io/terraform-cli.js'
import { StepFailure, type CommandRun, type StepContext } from './step.js'

/**
 * One command of a step, with retries for the configured patterns; every
 * attempt's output goes to the deployment's log. Throws StepFailure when it failed.
 */
export async function runStepCommand(ctx: StepContext, phase: Phase, command: CommandRun): Promise<CommandResult> {
  const { result, settings, signal } = ctx
  const record = (result.phases[phase] ??= { startedAt: new Date().toISOString(), durationMs: 0, attempts: 0 })
  for (let attempt = 1; ; attempt++) {
    result.attempts++
    const r = await command.run()
    record.attempts = attempt
    record.exitCode = r.exitCode
    const logged = command.log === false ? r.stderr : r.output
    // Directly: a small append to a log that is never synced costs less than three trips through the thread pool.
    appendFileSync(ctx.paths.logFile, `\n=== ${phase} (attempt ${attempt}, exit ${r.exitCode}) ===\n${logged}`)
    if (command.ok(r)) return r
    if (r.interrupted || signal.aborted) throw new StepFailure(`${phase} interrupted`)
    const matched = retryableMatch(r.output, command.retryWhen ?? settings.retry.patterns)
    if (!matched || attempt >= settings.retry.maxAttempts) throw new StepFailure(`${phase} failed (exit ${r.exitCode}): ${stripAnsi(errorLine(r.output))}`)
    const delayMs = backoffMs(attempt, settings.retry.initialDelayMs)
    result.retries.push({ phase, attempt, matched, delayMs })
    await sleep(delayMs, undefined, { signal }).catch(() => undefined)
    if (signal.aborted) throw new StepFailure(`${phase} interrupted`)
  }
}
