import { join, resolve } from 'node:path'
import { linkFarm } from '../../recovery/io/link-farm.js'
import { callIn } from '../../recovery/io/state-commands.js'
import type { TerraformCall } from '../../terraform/io/terraform-cli.js'
import type { StepContext } from '../step.js'

/**
 * The deployment's call in its own working directory (a link farm of the root
 * module under its data dir): what OpenTofu writes where it runs, errored.tfstate
 * above all, never meets another deployment's. init and plan stay in the root
 * module (init writes the shared lock file there).
 */
export async function ownWorkdirCall(ctx: StepContext): Promise<TerraformCall> {
  const dataDir = resolve(ctx.paths.dataDir)
  const cwd = await linkFarm(ctx.call.options.cwd, ctx.settings.workingDir, dataDir, join(dataDir, 'cwd'))
  return callIn(ctx.call, cwd, { TF_DATA_DIR: dataDir })
}
