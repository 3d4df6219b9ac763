import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { availableParallelism } from 'node:os'
import { isAbsolute, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Config } from '../config/parse-config.js'
import { defaultWorkers } from '../schedule/start-throttle.js'
import type { RunSettings } from '../engine/run-settings.js'

/** What the user chose on the command line or as action inputs (overrides configuration). */
export interface RunFlags {
  command: 'plan' | 'apply'
  destroy?: boolean
  binary?: string
  maxWorkers?: number
  parallel?: boolean
  timeoutMinutes?: number
  graceSeconds?: number
  debug?: boolean
  strategy?: 'dag' | 'levels'
}

/** Resolves configuration and flags into the engine's settings (no side effects). */
export function runSettings(workingDir: string, config: Config, flags: RunFlags, env: NodeJS.ProcessEnv = process.env): RunSettings {
  const base = join(workingDir, '.tf-orchestrator')
  // Milliseconds included so that run folders sort in start order even within one second.
  const runId = `${new Date().toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`
  const parallel = flags.parallel ?? config.parallel
  const workers = parallel ? (flags.maxWorkers ?? config.max_workers ?? defaultWorkers(availableParallelism())) : 1
  return {
    command: flags.command,
    destroy: flags.destroy ?? false,
    workingDir,
    binary: flags.binary ?? config.binary,
    opaBinary: opaBinary(env),
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
    pluginCacheDir: env.TF_PLUGIN_CACHE_DIR || join(env.HOME || homedir(), '.cache', 'tf-orchestrator', 'plugin-cache'),
    historyFile: join(base, 'history.json'),
    debug: flags.debug ?? false,
    noColor: !process.stdout.isTTY,
    strategy: flags.strategy ?? 'dag',
    env: childEnvironment(env)
  }
}

/** The children's environment: ours, minus a CLI config file setting that points nowhere (it only adds a warning). */
function childEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v
  const cli = out.TF_CLI_CONFIG_FILE
  if (cli && isAbsolute(cli) && !existsSync(cli)) delete out.TF_CLI_CONFIG_FILE
  delete out.TF_DATA_DIR
  return out
}

/** OPA for the policy gate: TF_ORCHESTRATOR_OPA, else `opa` on PATH. */
export function opaBinary(env: NodeJS.ProcessEnv = process.env): string {
  return env.TF_ORCHESTRATOR_OPA || 'opa'
}
