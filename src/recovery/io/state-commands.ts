import type { CommandResult } from '../../terraform/io/executor.js'
import type { TerraformCall } from '../../terraform/io/terraform-cli.js'
import { snapshotOf, type StateSnapshot } from '../state-snapshot.js'

/** The deployment's current state through its backend (`state pull`): undefined with the reason when it cannot be read. */
export async function pullState(call: TerraformCall): Promise<{ snapshot?: StateSnapshot; text?: string; error?: string }> {
  const r = await call.exec(call.binary, ['state', 'pull'], { ...call.options, onLine: undefined, stdoutIsData: true })
  if (r.exitCode !== 0) return { error: `state pull failed (exit ${r.exitCode}): ${r.stderr.trim().split('\n').pop() ?? ''}` }
  try {
    return { snapshot: snapshotOf(r.stdout, 'the current state'), text: r.stdout }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

/** `state push` of a state file (takes the state lock); `-force` only for a deliberate copy-back. */
export function pushState(call: TerraformCall, file: string, force = false): Promise<CommandResult> {
  return call.exec(call.binary, ['state', 'push', ...(force ? ['-force'] : []), '-lock-timeout=60s', file], call.options)
}

/** The same call, run in another directory. */
export function callIn(call: TerraformCall, cwd: string, env: Record<string, string> = {}): TerraformCall {
  return { ...call, options: { ...call.options, cwd, env: { ...call.options.env, ...env } } }
}
