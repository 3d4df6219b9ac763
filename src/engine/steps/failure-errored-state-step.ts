import { existsSync } from 'node:fs'
import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { erroredPushCommand, erroredStateFile, settleErroredState } from '../../recovery/io/errored-state.js'
import type { ErroredStateRecord } from '../../recovery/recovery-record.js'
import type { Step, StepContext } from '../step.js'

/**
 * Before planning: state an earlier apply could not save (kept in the
 * deployment's data dir) is pushed back to the store once it is reachable
 * again, after the orphan check; `state push` takes the state lock. Until it
 * is pushed the deployment stops, naming the file and the command that pushes
 * it: planning against the store's stale state would create everything again.
 * A plan run only reports it. Goes after init (the backend) and before plan.
 */
export const erroredStateStep: Step = {
  phase: 'errored-state',
  when: (ctx) => existsSync(erroredStateFile(ctx.paths.dataDir)),
  async run(ctx) {
    const file = erroredStateFile(ctx.paths.dataDir)
    if (ctx.settings.command !== 'apply') {
      ctx.result.erroredState = { file, pushed: false, reason: 'a plan run does not push state', command: erroredPushCommand(ctx.call, file) }
      return { stop: 'failed', reason: `state an earlier apply could not save is waiting in ${file}; an apply run pushes it, or: ${ctx.result.erroredState.command}` }
    }
    let record = await settleErroredState(ctx.call, file, ctx.paths.dataDir)
    if (!record.pushed && record.reason?.startsWith('the store cannot be read')) record = (await replaceTruncatedWrite(ctx, file, record.command)) ?? record
    ctx.result.erroredState = record
    if (!record.pushed) return { stop: 'failed', reason: `state an earlier apply could not save is not pushed yet (${record.reason}): ${record.file}; push it with: ${record.command}` }
  }
}

const field = (text: string, name: string): string | undefined => new RegExp(`"${name}":\\s*"?([^",\\s]+)`).exec(text)?.[1]

/**
 * A cut-short write of this state: a prefix of it, or of an earlier snapshot
 * of the same apply (OpenTofu persists state while it applies): same lineage,
 * a serial not above the errored state's.
 */
function isEarlierWriteOf(stored: string, errored: string): boolean {
  if (errored.startsWith(stored)) return true
  const lineage = field(stored, 'lineage')
  const serial = Number(field(stored, 'serial'))
  return lineage !== undefined && lineage === field(errored, 'lineage') && Number.isInteger(serial) && serial <= Number(field(errored, 'serial'))
}

/**
 * The store's state is unreadable because the very write that failed left a
 * truncated copy of this state there (the disk filled up mid-write): the
 * errored state is the newest write in full, so it replaces it (under the run lock).
 * Anything else stays with the operator.
 */
async function replaceTruncatedWrite(ctx: StepContext, file: string, command: string): Promise<ErroredStateRecord | undefined> {
  const objects = ctx.store.objects
  if (!objects) return undefined
  const stored = await objects.get(ctx.deployment.stateKey).catch(() => undefined)
  const errored = await readFile(file, 'utf8')
  if (stored === undefined || !isEarlierWriteOf(new TextDecoder().decode(stored), errored)) return undefined
  await objects.put(ctx.deployment.stateKey, errored)
  const copy = join(ctx.paths.dataDir, `errored.${new Date().toISOString().replace(/[-:.]/g, '')}.pushed.tfstate`)
  await rename(file, copy)
  return { file: copy, pushed: true, command }
}
