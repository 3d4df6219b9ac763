import { resolve } from 'node:path'
import { Command, InvalidArgumentError } from 'commander'
import { loadWorkspace, type Workspace } from '../app/load-workspace.js'
import { loadConfig } from '../config/io/load-config.js'
import type { Deployment } from '../model/deployment.js'
import { planKeyMigration } from '../state/key-migration.js'
import { describeStateChange } from '../state/state-diff.js'
import { parseRetention, renderBackups, renderMigration, renderPrune } from '../state/state-report.js'
import { listBackups } from '../state/io/list-backups.js'
import { migrateKeys, MigrationRefusedError } from '../state/io/migrate-keys.js'
import { pruneBackups } from '../state/io/prune-backups.js'
import { OrphansError, restoreState } from '../state/io/restore-state.js'
import { StateLockedError } from '../state/io/state-lock.js'
import { storesFor } from '../state/io/state-store-for.js'
import { contextOf, type CliContext } from './context.js'
import { ExitCode } from './exit-codes.js'
import type { Output } from './output.js'

interface WhereFlags {
  workingDir: string
  config?: string
  json?: boolean
  yes?: boolean
}

const where = (command: Command): Command =>
  command
    .option('-w, --working-dir <dir>', 'directory holding the deployments', '.')
    .option('-c, --config <file>', 'configuration file (default: <working-dir>/.tf-orchestrator.yml when present)')

const workspace = (flags: WhereFlags): Promise<Workspace> => loadWorkspace({ workingDir: flags.workingDir, configPath: flags.config, all: true })

/** A discovered deployment by id (or state key). */
function deploymentOf(ws: Workspace, wanted: string): Deployment {
  const found = ws.discovery.deployments.find((d) => d.id === wanted || d.stateKey === wanted)
  if (!found) throw new Error(`no deployment ${wanted} in ${ws.workingDir} (see the list command for ids)`)
  return found
}

const retention = (text: string): number => {
  try {
    return parseRetention(text)
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message)
  }
}

/**
 * `state backups | restore | prune | migrate`: the state store's backups and
 * key moves. Changes need `--yes` (dry run otherwise); a refusal (lock held,
 * orphans, conflicting keys) exits 1 having changed nothing.
 */
export function stateCommand(given: CliContext | Output): Command {
  const ctx = contextOf(given)
  const refusing = async (fn: () => Promise<void>): Promise<void> => {
    try {
      await fn()
    } catch (error) {
      if (!(error instanceof StateLockedError || error instanceof OrphansError || error instanceof MigrationRefusedError)) throw error
      ctx.output.err(`error: ${error.message}`)
      ctx.setExitCode(ExitCode.RunFailed)
    }
  }
  const state = new Command('state').description("the state store: list, restore and prune backups; move state to the deployments' current keys")

  state.addCommand(
    where(new Command('backups'))
      .description("list a deployment's state backups (time, size, serial)")
      .argument('<deployment>', 'deployment id (or state key)')
      .option('--json', 'print the list as JSON')
      .action(async (id: string, flags: WhereFlags) => {
        const ws = await workspace(flags)
        const d = deploymentOf(ws, id)
        const backups = await listBackups(storesFor(ws.workingDir, ws.config).objects, d.stateKey)
        ctx.output.out(flags.json ? JSON.stringify({ deployment: d.id, stateKey: d.stateKey, backups }, null, 2) : renderBackups(d.id, d.stateKey, backups))
      })
  )

  state.addCommand(
    where(new Command('restore'))
      .description('put a backup back as the current state, under the state lock; refused when resources would be orphaned')
      .argument('<deployment>', 'deployment id (or state key)')
      .requiredOption('--backup <key>', 'the backup key (see state backups)')
      .option('--yes', 'restore (without it: only say what would change)')
      .action((id: string, flags: WhereFlags & { backup: string }) =>
        refusing(async () => {
          const ws = await workspace(flags)
          const d = deploymentOf(ws, id)
          const { state: store } = storesFor(ws.workingDir, ws.config)
          const done = await restoreState(store, d.stateKey, flags.backup, flags.yes === true)
          const changes = describeStateChange(done.change).map((l) => `  ${l}`)
          if (!flags.yes) return ctx.output.out([`dry run: restoring ${flags.backup} to ${store.describe(d.stateKey)} would change:`, ...changes, 'run again with --yes to restore'].join('\n'))
          const previous = done.previous?.status === 'backed-up' ? `the replaced state was backed up to ${done.previous.key}` : 'there was no state before'
          ctx.output.out([`restored ${flags.backup} to ${store.describe(d.stateKey)}:`, ...changes, `  ${previous}`].join('\n'))
        })
      )
  )

  state.addCommand(
    where(new Command('prune'))
      .description('delete backups older than the retention, never the newest backup of a state (dry run unless --yes)')
      .requiredOption('--older-than <days>', 'retention, in days (90d)', retention)
      .option('--yes', 'delete (without it: only list)')
      .action(async (flags: WhereFlags & { olderThan: number }) => {
        const workingDir = resolve(flags.workingDir)
        const { objects } = storesFor(workingDir, await loadConfig(workingDir, flags.config))
        const pruned = await pruneBackups(objects, { retentionDays: flags.olderThan, apply: flags.yes === true })
        ctx.output.out(renderPrune(pruned.keys, pruned.dryRun, flags.olderThan))
      })
  )

  state.addCommand(
    where(new Command('migrate'))
      .description("copy state from an older key layout to each deployment's current key (dry run unless --yes; never deletes)")
      .argument('[deployments...]', 'only these deployment ids (default: every deployment)')
      .requiredOption('--from <template>', "the old key template, e.g. '{account}/{region}/{project}.tfstate' ({service} {account} {region} {project})")
      .option('--yes', 'copy and verify (without it: only list old -> new)')
      .action((ids: string[], flags: WhereFlags & { from: string }) =>
        refusing(async () => {
          const ws = await workspace(flags)
          const chosen = ids.length > 0 ? ids.map((id) => deploymentOf(ws, id)) : ws.discovery.deployments
          const plan = planKeyMigration(chosen, flags.from, ws.config.combined_service_name)
          const steps = await migrateKeys(storesFor(ws.workingDir, ws.config).state, plan, flags.yes === true)
          ctx.output.out(renderMigration(steps, plan.unchanged.length, flags.yes !== true))
        })
      )
  )
  // main.ts sets these on top-level commands only; nested ones would otherwise exit the process on a usage error.
  for (const sub of state.commands) {
    sub.exitOverride().showHelpAfterError('(run with --help for usage)').configureOutput({ writeOut: (t) => ctx.output.out(t), writeErr: (t) => ctx.output.err(t) })
  }
  return state
}
