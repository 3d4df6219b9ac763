import { realpath, rm, stat } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { collectErroredState } from '../../recovery/io/errored-state.js'
import { addWorktree, gitTopLevel, removeWorktree } from '../../recovery/io/revision-worktree.js'
import { callIn } from '../../recovery/io/state-commands.js'
import { commandIn, shellWord, type RecoveryRecord } from '../../recovery/recovery-record.js'
import { summarizePlan } from '../../terraform/plan-summary.js'
import { applyPlan, init, plan, showPlanJson, type TerraformCall } from '../../terraform/io/terraform-cli.js'
import type { StepContext } from '../step.js'

const exists = async (path: string): Promise<boolean> => (await stat(path).catch(() => undefined)) !== undefined

/** Where the base revision is checked out and initialized for this deployment. */
function previousPaths(ctx: StepContext): { worktree: string; dataDir: string; planFile: string } {
  const dataDir = resolve(ctx.paths.dataDir)
  return { worktree: join(dataDir, 'previous-revision'), dataDir: join(dataDir, 'previous'), planFile: join(dataDir, 'previous.tfplan') }
}

/** The root module and var file as paths inside the repository. */
async function repositoryPaths(ctx: StepContext, top: string): Promise<{ root: string; varFile?: string }> {
  const { settings, deployment: d } = ctx
  const root = relative(top, await realpath(ctx.call.options.cwd))
  return d.varFile ? { root, varFile: relative(top, await realpath(join(settings.workingDir, d.varFile))) } : { root }
}

/** The commands that re-apply the base revision by hand (report mode); none outside a git repository. */
export async function reapplyCommands(ctx: StepContext): Promise<string[]> {
  const top = await gitTopLevel(ctx.settings.workingDir).catch(() => undefined)
  if (!top) return []
  const p = previousPaths(ctx)
  const repo = await repositoryPaths(ctx, top)
  const root = join(p.worktree, repo.root)
  const backend = ctx.store.backendConfig(ctx.deployment.stateKey).map((kv) => `-backend-config=${kv}`)
  return [
    `git -C ${shellWord(top)} worktree add --detach ${shellWord(p.worktree)} ${shellWord(ctx.settings.previousRef ?? '<base-ref>')}`,
    commandIn(root, p.dataDir, ctx.call.binary, ['init', '-reconfigure', ...backend]),
    commandIn(root, p.dataDir, ctx.call.binary, ['apply', ...(repo.varFile ? [`-var-file=${join(p.worktree, repo.varFile)}`] : [])]),
    `git -C ${shellWord(top)} worktree remove --force ${shellWord(p.worktree)}`
  ]
}

interface Target {
  call: TerraformCall
  varFile?: string
  /** The deployment did not exist at the base revision: undoing means destroying what it has. */
  destroy: boolean
}

/** The base revision's root module (own data dir), or the current one with -destroy when the deployment is new. */
async function targetAt(ctx: StepContext, call: TerraformCall, top: string, worktree: string): Promise<Target> {
  const p = previousPaths(ctx)
  const repo = await repositoryPaths(ctx, top)
  const root = join(worktree, repo.root)
  const varFile = repo.varFile && join(worktree, repo.varFile)
  if (!(await exists(root)) || (varFile && !(await exists(varFile)))) {
    const current = ctx.deployment.varFile && join(ctx.settings.workingDir, ctx.deployment.varFile)
    return { call, destroy: true, ...(current ? { varFile: current } : {}) }
  }
  await rm(p.dataDir, { recursive: true, force: true })
  return { call: callIn(ctx.call, root, { TF_DATA_DIR: p.dataDir }), destroy: false, ...(varFile ? { varFile } : {}) }
}

/** init (base revision only), plan against the current state, the policy gate, apply. */
async function planAndApply(ctx: StepContext, t: Target, ref: string): Promise<Omit<RecoveryRecord, 'mode'>> {
  const { planFile } = previousPaths(ctx)
  const ok = (r: { exitCode: number | null }): boolean => r.exitCode === 0
  if (!t.destroy) await ctx.command('recover', { run: () => init(t.call, ctx.store.backendConfig(ctx.deployment.stateKey), false), ok })
  const planned = await ctx.command('recover', {
    run: () => plan(t.call, { out: planFile, varFile: t.varFile, destroy: t.destroy }),
    ok: (r) => r.exitCode === 0 || r.exitCode === 2
  })
  const what = t.destroy ? `destroying what the deployment has (it does not exist at ${ref})` : `re-applying ${ref}`
  if (planned.exitCode === 0) return { ref, outcome: 'reapplied', message: `${what}: the plan has no changes`, counts: { create: 0, update: 0, delete: 0, replace: 0 } }
  const shown = await showPlanJson(t.call, planFile)
  if (shown.json === undefined) throw new Error(`show -json of the re-apply plan failed (exit ${shown.result.exitCode})`)
  const { hasChanges: _changes, ...counts } = summarizePlan(shown.json)
  const verdict = ctx.policyGate && (await ctx.policyGate(ctx.deployment, shown.json))
  if (verdict && !verdict.allowed) return { ref, outcome: 'blocked', message: `policy blocked ${what}: ${verdict.summary}`, counts }
  await ctx.command('recover', { run: () => applyPlan(t.call, planFile), ok, retryWhen: ['Error acquiring the state lock'] })
  return { ref, outcome: 'reapplied', message: `${what}: +${counts.create} ~${counts.update} -${counts.delete} (${counts.replace} replaced)`, counts }
}

/**
 * reapply-previous: checks out the base revision (`git worktree`), plans it
 * against the current state and applies it through the same policy gate,
 * which really undoes the partial change (nothing is orphaned).
 */
export async function reapplyPrevious(ctx: StepContext, call: TerraformCall): Promise<RecoveryRecord> {
  const mode = 'reapply-previous'
  const ref = ctx.settings.previousRef
  if (!ref) return { mode, outcome: 'refused', message: 'no base revision to re-apply: give --previous-ref or --base-ref' }
  const { worktree } = previousPaths(ctx)
  let top: string | undefined
  let target: Target | undefined
  try {
    top = await gitTopLevel(ctx.settings.workingDir)
    await addWorktree(top, ref, worktree)
    target = await targetAt(ctx, call, top, worktree)
    return { mode, ...(await planAndApply(ctx, target, ref)) }
  } catch (error) {
    return { mode, ref, outcome: 'failed', message: `re-applying ${ref} failed: ${(error as Error).message}`, commands: await reapplyCommands(ctx).catch(() => []) }
  } finally {
    // State the re-apply could not save outlives the worktree: the next run pushes it.
    if (target) await collectErroredState(target.call.options.cwd, ctx.paths.dataDir).catch(() => undefined)
    if (top) await removeWorktree(top, worktree)
  }
}
