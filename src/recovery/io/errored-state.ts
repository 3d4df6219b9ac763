import { readFile, rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { TerraformCall } from '../../terraform/io/terraform-cli.js'
import { errorLine } from '../../terraform/io/terraform-cli.js'
import { commandIn, type ErroredStateRecord } from '../recovery-record.js'
import { orphansOf } from '../state-changes.js'
import { snapshotOf, type StateSnapshot } from '../state-snapshot.js'
import { pullState, pushState } from './state-commands.js'

/** The file OpenTofu writes, in the directory it runs in, when it cannot save the state. */
export const ERRORED_STATE = 'errored.tfstate'

/**
 * Moves the errored state OpenTofu left in `cwd` (the deployment's own
 * working directory) to `dataDir`, the one place the next run looks for it.
 * Returns its path there, or undefined when there is none.
 */
export async function collectErroredState(cwd: string, dataDir: string): Promise<string | undefined> {
  const target = erroredStateFile(dataDir)
  const found = join(cwd, ERRORED_STATE)
  if (!(await stat(found).catch(() => undefined))) return (await stat(target).catch(() => undefined)) ? target : undefined
  // Never over an older one that is still waiting to be pushed.
  if (await stat(target).catch(() => undefined)) return found
  await rename(found, target)
  return target
}

/** Where a deployment's unpushed errored state waits for the next run. */
export function erroredStateFile(dataDir: string): string {
  return join(dataDir, ERRORED_STATE)
}

/** The exact command that pushes `file` (in the call's directory, with its data dir). */
export function erroredPushCommand(call: TerraformCall, file: string): string {
  return commandIn(call.options.cwd, call.options.env.TF_DATA_DIR ?? '.terraform', call.binary, ['state', 'push', file])
}

/** Why pushing `errored` over the store's current state is not safe, or undefined when it is. */
function pushProblem(current: StateSnapshot | undefined, errored: StateSnapshot): string | undefined {
  if (current?.lineage !== undefined && errored.lineage !== undefined && current.lineage !== errored.lineage) {
    return `its lineage ${errored.lineage} is not the store's ${current.lineage}`
  }
  const orphans = orphansOf(current, errored)
  if (orphans.length > 0) return `the store's state records resources it lacks, which a push would orphan: ${orphans.join(', ')}`
  return undefined
}

/**
 * Pushes an errored state file back to the store when that is safe: the
 * store can be read again and its state records nothing the errored state
 * lacks (orphan check); `state push` takes the state lock. A pushed file is
 * kept in `dataDir` under a timestamped name; otherwise it stays where it is
 * and the record names it with the exact command that pushes it (run in the
 * call's directory, the root module).
 */
export async function settleErroredState(call: TerraformCall, file: string, dataDir: string, now: Date = new Date()): Promise<ErroredStateRecord> {
  const command = erroredPushCommand(call, file)
  const kept = (reason: string): ErroredStateRecord => ({ file, pushed: false, reason, command })
  let errored: StateSnapshot
  try {
    errored = snapshotOf(await readFile(file, 'utf8'), file)
  } catch (error) {
    return kept(`it cannot be read: ${(error as Error).message}`)
  }
  const current = await pullState(call)
  if (current.error !== undefined) return kept(`the store cannot be read: ${current.error}`)
  const problem = pushProblem(current.snapshot, errored)
  if (problem) return kept(problem)
  const pushed = await pushState(call, file)
  if (pushed.exitCode !== 0) return kept(`state push failed (exit ${pushed.exitCode}): ${errorLine(pushed.output)}`)
  const copy = join(dataDir, `errored.${now.toISOString().replace(/[-:.]/g, '')}.pushed.tfstate`)
  await rename(file, copy)
  return { file: copy, pushed: true, command }
}
