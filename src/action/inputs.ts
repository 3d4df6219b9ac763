import * as core from '@actions/core'

/** Every input of action.yml, read once into one typed object. */
export interface ActionInputs {
  command: 'list' | 'graph' | 'plan' | 'apply'
  workingDirectory: string
  config?: string
  baseRef?: string
  changedFiles?: string
  all: boolean
  parallel?: boolean
  maxWorkers?: number
  binary?: 'tofu' | 'terraform'
  dryRun: boolean
}

const COMMANDS = ['list', 'graph', 'plan', 'apply'] as const

/** Reads and checks the inputs; an invalid value is an error naming the input. */
export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const command = core.getInput('command') || 'plan'
  if (!(COMMANDS as readonly string[]).includes(command)) throw new Error(`input command: must be one of ${COMMANDS.join(', ')}, got ${JSON.stringify(command)}`)
  const maxWorkers = optional('max-workers')
  const binary = optional('binary')
  if (binary !== undefined && binary !== 'tofu' && binary !== 'terraform') throw new Error(`input binary: must be tofu or terraform, got ${JSON.stringify(binary)}`)
  const workers = maxWorkers === undefined ? undefined : Number(maxWorkers)
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64)) {
    throw new Error(`input max-workers: must be a whole number from 1 to 64, got ${JSON.stringify(maxWorkers)}`)
  }
  // On pull requests the base branch is the natural base ref.
  const baseRef = optional('base-ref') ?? (env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : undefined)
  return {
    command: command as ActionInputs['command'],
    workingDirectory: core.getInput('working-directory') || '.',
    config: optional('config'),
    baseRef,
    changedFiles: optional('changed-files'),
    all: optional('all') === undefined ? false : core.getBooleanInput('all'),
    parallel: optional('parallel') === undefined ? undefined : core.getBooleanInput('parallel'),
    maxWorkers: workers,
    binary,
    dryRun: optional('dry-run') === undefined ? false : core.getBooleanInput('dry-run')
  }
}

function optional(name: string): string | undefined {
  const value = core.getInput(name).trim()
  return value === '' ? undefined : value
}
