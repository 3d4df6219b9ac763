import * as core from '@actions/core'
import type { Environment } from '../app/environment.js'
import { parseRunRequest, type RawRunRequest, type RunRequest } from '../app/run-request.js'

/** An input as typed; an empty or unset input is not given. */
function input(name: string): string | undefined {
  const value = core.getInput(name).trim()
  return value === '' ? undefined : value
}

const isTrue = (value: string | undefined): boolean => value !== undefined && /^(true|True|TRUE)$/.test(value)

/** How the action talks to GitHub (inputs that only the action has). */
export interface GitHubInputs {
  /** Empty: no comment, no drift issues (the job summary, logs and artifact still happen). */
  token?: string
  driftIssues: 'per-deployment' | 'per-run'
  failOnDrift: boolean
}

/** Reads `github-token`, `drift-issues` and `fail-on-drift`; a wrong value is an error naming the input. */
export function readGitHubInputs(): GitHubInputs {
  const mode = input('drift-issues') ?? 'per-deployment'
  if (mode !== 'per-deployment' && mode !== 'per-run') throw new Error(`input drift-issues: must be per-deployment or per-run, got ${JSON.stringify(mode)}`)
  const fail = input('fail-on-drift') ?? 'false'
  if (!/^(true|True|TRUE|false|False|FALSE)$/.test(fail)) throw new Error(`input fail-on-drift: must be true or false, got ${JSON.stringify(fail)}`)
  const token = input('github-token')
  return { ...(token ? { token } : {}), driftIssues: mode, failOnDrift: isTrue(fail) }
}

/**
 * Reads every input of action.yml into the raw run request and validates it
 * with the CLI's schema; an invalid value is an error naming the input.
 */
export function readInputs(env: Pick<Environment, 'githubBaseRef' | 'runnerDebug'> & Partial<Pick<Environment, 'workflow'>>): RunRequest {
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
    policyMode: input('policy-mode'),
    review: input('review'),
    planRetentionDays: input('plan-retention-days'),
    // Default: on a re-run attempt of the same workflow run, only what the previous attempt did not finish.
    rerunFailed: input('rerun-failed') ?? (Number(env.workflow?.GITHUB_RUN_ATTEMPT ?? '1') > 1 ? 'previous-attempt' : undefined)
  }
  const chosen = isTrue(raw.all) || raw.changedFiles !== undefined || raw.baseRef !== undefined || raw.rerunFailed !== undefined
  // On pull requests the base branch is the natural base ref; otherwise (push, schedule) everything.
  if (!chosen && env.githubBaseRef) raw.baseRef = `origin/${env.githubBaseRef}`
  else if (!chosen && (raw.all === undefined || /^(false|False|FALSE)$/.test(raw.all))) raw.all = 'true'
  return parseRunRequest(raw, 'action')
}
