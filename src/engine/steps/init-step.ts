import { init } from '../../terraform/io/terraform-cli.js'
import type { Step } from '../step.js'

/** `init` with this deployment's backend settings; the first init of a root module runs alone (see InitGate). */
export const initStep: Step = {
  phase: 'init',
  async run(ctx) {
    const backend = ctx.store.backendConfig(ctx.deployment.stateKey)
    await ctx.initGate.run(
      ctx.call.options.cwd,
      (readonly) => ctx.command('init', { run: () => init(ctx.call, backend, readonly), ok: (r) => r.exitCode === 0 }),
      () => true
    )
  }
}
