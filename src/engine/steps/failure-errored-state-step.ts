import { existsSync } from 'node:fs'
import { erroredPushCommand, erroredStateFile, settleErroredState } from '../../recovery/io/errored-state.js'
import type { Step } from '../step.js'

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
    const record = await settleErroredState(ctx.call, file, ctx.paths.dataDir)
    ctx.result.erroredState = record
    if (!record.pushed) return { stop: 'failed', reason: `state an earlier apply could not save is not pushed yet (${record.reason}): ${record.file}; push it with: ${record.command}` }
  }
}
