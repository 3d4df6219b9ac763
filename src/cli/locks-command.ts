import { Command } from 'commander'
import { resolve } from 'node:path'
import { loadConfig } from '../config/io/load-config.js'
import { hostName, pidAlive } from '../locks/io/processes.js'
import { forceReleaseRunLock, listRunLocks } from '../locks/io/run-lock-store.js'
import { describeLock, describeOwner, runLockKey, staleReason } from '../locks/run-lock.js'
import { renderTable } from '../render/table.js'
import { storesFor } from '../state/io/state-store-for.js'
import { contextOf, type CliContext } from './context.js'
import { ExitCode } from './exit-codes.js'
import type { Output } from './output.js'

interface StoreFlags {
  workingDir: string
  config?: string
  json?: boolean
  yes?: boolean
}

const objectsOf = async (flags: StoreFlags) => storesFor(resolve(flags.workingDir), await loadConfig(resolve(flags.workingDir), flags.config)).objects

/** A subcommand that reports its errors through the CLI's output and never exits the process itself. */
const subcommand = (name: string, output: Output): Command =>
  new Command(name)
    .option('-w, --working-dir <dir>', 'directory holding .tf-orchestrator.yml', '.')
    .option('-c, --config <file>', 'configuration file')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => output.out(s), writeErr: (s) => output.err(s) })

/** `locks list` and `locks release <deployment> --yes`: the run locks in the configured store. */
export function locksCommand(given: CliContext | Output): Command {
  const { output, setExitCode } = contextOf(given)
  const list = subcommand('list', output)
    .description('list the run locks: deployment, holder, since, expiry, and whether the holder is gone')
    .option('--json', 'print the locks as JSON')
    .action(async (flags: StoreFlags) => {
      const here = { host: hostName(), now: new Date(), alive: pidAlive }
      const locks = (await listRunLocks(await objectsOf(flags))).map((l) => ({ ...l, stale: l.lock ? staleReason(l.lock, here) : 'unreadable' }))
      if (flags.json) return output.out(JSON.stringify({ locks }, null, 2))
      if (locks.length === 0) return output.out('no run locks')
      const rows = locks.map((l) => [
        l.deployment,
        l.lock ? describeOwner(l.lock.owner) : '(unreadable)',
        l.lock?.acquiredAt ?? '',
        l.lock?.expiresAt ?? '',
        l.stale === undefined ? 'held' : `stale: ${l.stale}`
      ])
      output.out(renderTable(['deployment', 'holder', 'since', 'expires', 'state'], rows))
    })
  const release = subcommand('release', output)
    .description('release a deployment\'s run lock whoever holds it (only with --yes)')
    .argument('<deployment>', 'deployment id, as `locks list` shows it')
    .option('--yes', 'really release it')
    .action(async (deployment: string, flags: StoreFlags) => {
      const objects = await objectsOf(flags)
      if (!flags.yes) {
        const held = (await listRunLocks(objects)).find((l) => l.deployment === deployment)
        output.err(`not released: add --yes to release ${runLockKey(deployment)}${held?.lock ? ` (held by ${describeLock(held.lock)})` : ''}`)
        return setExitCode(ExitCode.Usage)
      }
      const removed = await forceReleaseRunLock(objects, deployment)
      if (removed === undefined) {
        output.err(`no run lock for ${deployment} in ${objects.location}`)
        return setExitCode(ExitCode.RunFailed)
      }
      output.out(`released ${runLockKey(deployment)}${removed === 'unreadable' ? ' (unreadable)' : `, held by ${describeLock(removed)}`}`)
    })
  return new Command('locks').description('list or release the run locks of the deployments').addCommand(list).addCommand(release)
}
