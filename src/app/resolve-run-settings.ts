import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Config } from '../config/parse-config.js'
import { defaultWorkers } from '../schedule/start-throttle.js'
import type { RunSettings } from '../engine/run-settings.js'
import { durationMs } from '../locks/run-lock.js'
import type { Environment } from './environment.js'
import type { RunRequest } from './run-request.js'

/** A run request's options (CLI flags or action inputs; they override configuration). */
export type RunFlags = RunRequest['run']

/** Resolves configuration, the request's options and the environment into the engine's settings (no side effects). */
export function runSettings(workingDir: string, config: Config, command: 'plan' | 'apply', flags: RunFlags, env: Environment): RunSettings {
  const base = join(workingDir, '.tf-orchestrator')
  // Milliseconds included so that run folders sort in start order even within one second.
  const runId = `${new Date().toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`
  const parallel = flags.parallel ?? config.parallel
  const workers = parallel ? (flags.maxWorkers ?? config.max_workers ?? defaultWorkers(availableParallelism())) : 1
  return {
    command,
    lockTimeoutMs: durationMs(config.lock_timeout),
    destroy: flags.destroy,
    workingDir,
    binary: binaryOf(config, flags),
    opaBinary: env.opaBinary,
    workers,
    timeoutMs: (flags.timeoutMinutes ?? config.timeout_minutes) * 60_000,
    graceMs: (flags.graceSeconds ?? 20) * 1000,
    retry: {
      maxAttempts: config.retry.max_attempts,
      initialDelayMs: config.retry.initial_delay_seconds * 1000,
      patterns: config.retry.patterns
    },
    throttle: { size: config.batch_size, windowMs: config.batch_cooldown_seconds * 1000 },
    workDir: join(base, 'work'),
    runDir: join(base, 'runs', runId),
    runId,
    pluginCacheDir: env.pluginCacheDir ?? join(env.home, '.cache', 'tf-orchestrator', 'plugin-cache'),
    historyFile: join(base, 'history.json'),
    debug: flags.debug,
    noColor: env.noColor,
    strategy: flags.strategy,
    env: env.childEnv
  }
}

/** The binary a run uses: the request's, else the configuration's (known as soon as the configuration is read). */
export const binaryOf = (config: Pick<Config, 'binary'>, flags: Pick<RunFlags, 'binary'>): string => flags.binary ?? config.binary

/** The configuration with the request's policy mode (`--policy-mode`, input policy-mode) in place of policies.mode. */
export function withPolicyMode(config: Config, mode: RunFlags['policyMode']): Config {
  return mode === undefined ? config : { ...config, policies: { ...config.policies, mode } }
}
