import type { CommandOptions, CommandResult, Executor } from './executor.js'

/** How one deployment calls the binary: where, with which environment, and how to stop it. */
export interface TerraformCall {
  exec: Executor
  binary: string
  options: CommandOptions
  /** -no-color when output is not a terminal (CI logs, files). */
  noColor: boolean
}

const common = (call: TerraformCall): string[] => ['-input=false', ...(call.noColor ? ['-no-color'] : [])]

/** `init` with the backend settings (`key=value`) of this deployment's state. */
export function init(call: TerraformCall, backendConfig: readonly string[], lockfileReadonly: boolean): Promise<CommandResult> {
  const args = ['init', ...common(call), '-reconfigure', ...backendConfig.map((kv) => `-backend-config=${kv}`)]
  if (lockfileReadonly) args.push('-lockfile=readonly')
  return call.exec(call.binary, args, call.options)
}

export interface PlanArgs {
  out: string
  varFile?: string
  destroy?: boolean
  lockTimeout?: string
}

/** `plan -out -detailed-exitcode`: exit 0 no changes, 2 changes, 1 error. */
export function plan(call: TerraformCall, p: PlanArgs): Promise<CommandResult> {
  const args = ['plan', ...common(call), '-detailed-exitcode', `-out=${p.out}`, `-lock-timeout=${p.lockTimeout ?? '60s'}`]
  if (p.varFile) args.push(`-var-file=${p.varFile}`)
  if (p.destroy) args.push('-destroy')
  // Exit 2 (changes) is a success: no process-tree sweep after it.
  return call.exec(call.binary, args, { ...call.options, successCodes: [0, 2] })
}

/** The saved plan as JSON (`show -json`); `background` when nothing waits for it (see CommandOptions). */
export async function showPlanJson(call: TerraformCall, planFile: string, background = false): Promise<{ result: CommandResult; json?: unknown }> {
  const options = { ...call.options, onLine: undefined, stdoutIsData: true, ...(background ? { background } : {}) }
  const result = await call.exec(call.binary, ['show', '-json', ...(call.noColor ? ['-no-color'] : []), planFile], options)
  if (result.exitCode !== 0) return { result }
  return { result, json: JSON.parse(result.stdout) }
}

/** Applies exactly the saved plan. */
export function applyPlan(call: TerraformCall, planFile: string, lockTimeout = '60s'): Promise<CommandResult> {
  return call.exec(call.binary, ['apply', ...common(call), `-lock-timeout=${lockTimeout}`, planFile], call.options)
}

/** The most useful line of a failed command: its first `Error:` line, else its last line. */
export function errorLine(output: string): string {
  const lines = output.split('\n').map((l) => l.replace(/^[│╷╵\s]+/, '').trim()).filter(Boolean)
  return lines.find((l) => l.startsWith('Error:')) ?? lines[lines.length - 1] ?? 'no output'
}
