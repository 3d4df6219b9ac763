import * as core from '@actions/core'
import type { Environment } from '../app/environment.js'
import { parseRunRequest, type RawRunRequest, type RunRequest } from '../app/run-request.js'

/** An input as typed; an empty or unset input is not given. */
function input(name: string): string | undefined {
  const value = core.getInput(name).trim()
  return value === '' ? undefined : value
}

const isTrue = (value: string | undefined): boolean => value !== undefined && /^(true|True|TRUE)$/.test(value)

/**
 * Reads every input of action.yml into the raw run request and validates it
 * with the CLI's schema; an invalid value is an error naming the input.
 */
export function readInputs(env: Pick<Environment, 'githubBaseRef' | 'runnerDebug'>): RunRequest {
  const raw: RawRunRequest = {
    command: input('command'),
    workingDir: input('working-directory'),
    config: input('config'),
    baseRef: input('base-ref'),
    changedFiles: input('changed-files'),
    all: input('all'),
    maxWorkers: input('max-workers'),
    parallel: input('parallel'),
    timeoutMinutes: input('timeout-minutes'),
    binary: input('binary'),
    // Also on when the workflow is re-run with debug logging.
    debug: env.runnerDebug ? 'true' : input('debug'),
    dryRun: input('dry-run'),
    destroy: input('destroy'),
    policyMode: input('policy-mode')
  }
  const chosen = isTrue(raw.all) || raw.changedFiles !== undefined || raw.baseRef !== undefined
  // On pull requests the base branch is the natural base ref; otherwise (push, schedule) everything.
  if (!chosen && env.githubBaseRef) raw.baseRef = `origin/${env.githubBaseRef}`
  else if (!chosen && (raw.all === undefined || /^(false|False|FALSE)$/.test(raw.all))) raw.all = 'true'
  return parseRunRequest(raw, 'action')
}
