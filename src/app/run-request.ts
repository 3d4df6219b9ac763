import { z } from 'zod'

// One schema for CLI flags and action inputs: both hand over the raw strings the
// user typed, so a value one accepts the other accepts too.

/** The commands a run request can ask for. */
export const COMMANDS = ['list', 'graph', 'plan', 'apply', 'drift', 'discover', 'merge-summaries', 'release-locks'] as const
/** A command of the CLI and the action. */
export type Command = (typeof COMMANDS)[number]

/** Whether the command runs deployments (plan, apply, drift) rather than only reading the workspace. */
export const runsDeployments = (command: Command): command is 'plan' | 'apply' | 'drift' => command === 'plan' || command === 'apply' || command === 'drift'

/**
 * What the engine runs for a command: `drift` is a plan of every selected
 * deployment (with -detailed-exitcode, never applied); the plan's changes are the drift.
 */
export const engineCommand = (command: 'plan' | 'apply' | 'drift'): 'plan' | 'apply' => (command === 'apply' ? 'apply' : 'plan')

/** Raw values as typed (a CLI flag or an action input); undefined means not given. */
export type RawRunRequest = Partial<Record<keyof typeof rawShape, string>>

/** Where the raw values came from, so errors name a flag (`--max-workers`) or an input (`input max-workers`). */
export type RequestSource = 'cli' | 'action'

const BOOLEANS = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'] as const
const bool = z.enum(BOOLEANS, { error: 'must be true or false' }).transform((v) => v.toLowerCase() === 'true')

const wholeNumber = (min: number, max: number) =>
  z.string().transform((raw, ctx) => {
    const text = raw.trim()
    if (/^\d+$/.test(text) && Number(text) >= min && Number(text) <= max) return Number(text)
    ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` })
    return z.NEVER
  })

const positiveNumber = (max: number) =>
  z.string().transform((raw, ctx) => {
    const n = Number(raw.trim())
    if (raw.trim() !== '' && Number.isFinite(n) && n > 0 && n <= max) return n
    ctx.addIssue({ code: 'custom', message: `must be a number above 0 and at most ${max}` })
    return z.NEVER
  })

/** A binary name (`tofu`, `terraform`) or a path to one (checked when it is run). */
const binary = z
  .string()
  .refine((b) => b === 'tofu' || b === 'terraform' || /[\\/]/.test(b), { message: 'must be tofu or terraform', params: { hint: '(or a path to one of them)' } })

const rawShape = {
  command: z.enum(COMMANDS, { error: `must be one of ${COMMANDS.join(', ')}` }).default('plan'),
  workingDir: z.string().default('.'),
  config: z.string().optional(),
  baseRef: z.string().trim().min(1, 'must not be empty').optional(),
  changedFiles: z.string().optional(),
  all: bool.default(false),
  json: bool.default(false),
  format: z.enum(['text', 'mermaid', 'json'], { error: 'must be text, mermaid or json' }).optional(),
  maxWorkers: wholeNumber(1, 64).optional(),
  parallel: bool.optional(),
  timeoutMinutes: positiveNumber(24 * 60).optional(),
  graceSeconds: positiveNumber(3600).optional(),
  binary: binary.optional(),
  debug: bool.default(false),
  dryRun: bool.default(false),
  destroy: bool.default(false),
  policyMode: z.enum(['enforce', 'warn', 'off'], { error: 'must be enforce, warn or off' }).optional(),
  strategy: z.enum(['dag', 'levels'], { error: 'must be dag or levels' }).default('dag'),
  // Matrix fan-out: `n/total` (or `n` with shards), or the ids the discover job handed over.
  shard: z.string().trim().regex(/^\d+(\s*\/\s*\d+)?$/, 'must be n/total or n').optional(),
  deployments: z.string().trim().min(1, 'must not be empty').optional(),
  shards: wholeNumber(1, 256).optional(),
  summariesPath: z.string().trim().min(1, 'must not be empty').optional(),
  // Review mode: the pull request a plan run stores its plans for, an apply run applies the stored plans of.
  review: z.string().trim().regex(/^[^#@\s/]+\/[^#@\s/]+#\d+@[0-9A-Fa-f]{7,64}$/, 'must be owner/repo#<pull request>@<head sha>').optional(),
  planRetentionDays: wholeNumber(1, 3650).optional(),
  // An earlier run's id: run only what it did not finish (a selection of its own).
  rerunFailed: z.string().trim().min(1, 'must not be empty').optional()
}

const requestSchema = z.strictObject(rawShape).superRefine((r, ctx) => {
  const whole = (path: string, message: string): void => void ctx.addIssue({ code: 'custom', path: [path], message, params: { whole: true } })
  const conflict = (a: keyof typeof rawShape, b: keyof typeof rawShape): void => whole(a, `{${a}} cannot be combined with {${b}}`)
  if (r.all && r.baseRef !== undefined) conflict('all', 'baseRef')
  if (r.all && r.changedFiles !== undefined) conflict('all', 'changedFiles')
  if (r.baseRef !== undefined && r.changedFiles !== undefined) conflict('baseRef', 'changedFiles')
  if (r.json && r.format !== undefined && r.format !== 'json') whole('json', `{json} cannot be combined with {format} ${r.format}`)
  if (r.command === 'drift' && r.destroy) whole('destroy', `drift plans the deployments as they are: {destroy} cannot be used with it`)
  if (r.shard !== undefined && r.deployments !== undefined) conflict('shard', 'deployments')
  if (r.command === 'drift' && r.review !== undefined) whole('review', `drift plans are never applied: {review} cannot be used with it`)
  // A deployment list is a selection of its own (a matrix job's share).
  if (runsDeployments(r.command) && !r.all && r.baseRef === undefined && r.changedFiles === undefined && r.deployments === undefined && r.rerunFailed === undefined) {
    whole('command', `${r.command}: say what to run: {all}, {baseRef <ref>} or {changedFiles <list>}`)
  }
})

type Parsed = z.output<typeof requestSchema>

/** What to run and how: the one typed form of CLI flags and action inputs. */
export interface RunRequest {
  command: Command
  selection: { workingDir: string; configPath?: string; baseRef?: string; changedFiles?: string; all: boolean }
  json: boolean
  format: 'text' | 'mermaid' | 'json'
  run: Omit<Parsed, 'command' | 'workingDir' | 'config' | 'baseRef' | 'changedFiles' | 'all' | 'json' | 'format'>
}

/** A request that does not validate; the message names the flag or input and the value. */
export class RunRequestError extends Error {
  override name = 'RunRequestError'
}

/** The name the user knows a field by. */
export function optionName(field: string, source: RequestSource): string {
  const kebab = field === 'workingDir' && source === 'action' ? 'working-directory' : field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
  return source === 'cli' ? `--${kebab}` : `input ${kebab}`
}

/** Validates raw values into a RunRequest; throws RunRequestError naming every wrong flag or input. */
export function parseRunRequest(raw: RawRunRequest, source: RequestSource): RunRequest {
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined))
  const result = requestSchema.safeParse(given)
  if (!result.success) {
    const messages = result.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}`
      // {field} and {field <arg>} become the user's names; the argument only on the command line.
      const text = issue.message.replace(/\{(\w+)( <\w+>)?\}/g, (_, f: string, arg?: string) => optionName(f, source) + (source === 'cli' && arg ? arg : ''))
      const params = (issue.code === 'custom' ? issue.params : undefined) ?? {}
      if (params.whole) return text
      const field = String(issue.path[0] ?? '')
      const named = `${optionName(field, source)}: ${text}`
      const value = given[field]
      return value === undefined ? named : `${named}, got ${JSON.stringify(value)}${params.hint ? ` ${params.hint}` : ''}`
    })
    throw new RunRequestError(messages.join('\n'))
  }
  const { command, workingDir, config, baseRef, changedFiles, all, json, format, ...run } = result.data
  return {
    command,
    selection: { workingDir, configPath: config, baseRef, changedFiles, all },
    json,
    format: format ?? (json ? 'json' : 'text'),
    run
  }
}
