import { Command } from 'commander'
import { resolve } from 'node:path'
import { loadConfig } from '../config/io/load-config.js'
import { hostName, pidAlive } from '../locks/io/processes.js'
import { describeReleased, releasePullRequestLocks } from '../app/release-pr-locks.js'
import { listPrLocks, readPrLock, releasePrLock } from '../locks/io/pr-lock-store.js'
import { forceReleaseRunLock, listRunLocks } from '../locks/io/run-lock-store.js'
import { describePrHolder, isPullRequest, parsePullRequestRef, prLockKey } from '../locks/pr-lock.js'
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
  pullRequest?: string
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

/** `locks list`, `locks release <deployment> --yes` and `locks release --pull-request <owner/repo#n> --yes`: the locks in the configured store. */
export function locksCommand(given: CliContext | Output): Command {
  const { output, setExitCode } = contextOf(given)
  const list = subcommand('list', output)
    .description('list the run locks: deployment, holder, since, expiry, and whether the holder is gone')
    .option('--json', 'print the locks as JSON')
    .action(async (flags: StoreFlags) => {
      const here = { host: hostName(), now: new Date(), alive: pidAlive }
      const objects = await objectsOf(flags)
      // Run locks, then the pull requests' locks (held from a PR's plan to its apply).
      const all = [...(await listRunLocks(objects)), ...(await listPrLocks(objects)).map((l) => ({ ...l, kind: 'pull-request' as const }))]
      const locks = all.map((l) => ({ ...l, stale: l.lock ? staleReason(l.lock, here) : 'unreadable' }))
      if (flags.json) return output.out(JSON.stringify({ locks }, null, 2))
      if (locks.length === 0) return output.out('no run locks')
      const rows = locks.map((l) => [
        l.deployment,
        l.lock ? describeOwner(l.lock.owner) : '(unreadable)',
        l.lock?.acquiredAt ?? '',
        l.lock?.expiresAt ?? '',
        l.stale === undefined ? 'held' : `stale: ${l.stale}`,
        'kind' in l ? 'pull request' : 'run'
      ])
      output.out(renderTable(['deployment', 'holder', 'since', 'expires', 'state', 'lock'], rows))
    })
  const release = subcommand('release', output)
    .description('release a deployment\'s locks (its run lock and a pull request\'s lock), or every lock of a pull request, whoever holds them (only with --yes)')
    .argument('[deployment]', 'deployment id, as `locks list` shows it')
    .option('--pull-request <owner/repo#n>', 'release every deployment lock this pull request holds')
    .option('--yes', 'really release it')
    .action(async (deployment: string | undefined, flags: StoreFlags) => {
      if ((deployment === undefined) === (flags.pullRequest === undefined)) {
        output.err('name a deployment or --pull-request <owner/repo#n> (one of them)')
        return setExitCode(ExitCode.Usage)
      }
      if (flags.pullRequest !== undefined) return releasePullRequest(flags.pullRequest, flags)
      const objects = await objectsOf(flags)
      const id = deployment as string
      if (!flags.yes) {
        const held = (await listRunLocks(objects)).find((l) => l.deployment === id)
        const pr = await readPrLock(objects, id)
        output.err(`not released: add --yes to release ${runLockKey(id)}${held?.lock ? ` (held by ${describeLock(held.lock)})` : ''}${pr ? ` and ${prLockKey(id)} (held by ${describePrHolder(pr)})` : ''}`)
        return setExitCode(ExitCode.Usage)
      }
      const removed = await forceReleaseRunLock(objects, id)
      const pr = await readPrLock(objects, id)
      const prReleased = pr !== undefined && (await releasePrLock(objects, pr))
      if (removed === undefined && !prReleased) {
        output.err(`no run lock for ${id} in ${objects.location}`)
        return setExitCode(ExitCode.RunFailed)
      }
      if (removed !== undefined) output.out(`released ${runLockKey(id)}${removed === 'unreadable' ? ' (unreadable)' : `, held by ${describeLock(removed)}`}`)
      if (pr && prReleased) output.out(`released ${prLockKey(id)}, held by ${describePrHolder(pr)}`)
    })
  async function releasePullRequest(text: string, flags: StoreFlags): Promise<void> {
    let pr
    try {
      pr = parsePullRequestRef(text)
    } catch (error) {
      output.err((error as Error).message)
      return setExitCode(ExitCode.Usage)
    }
    const objects = await objectsOf(flags)
    if (!flags.yes) {
      const held = (await listPrLocks(objects)).filter((l) => l.lock && isPullRequest(l.lock.owner, pr))
      output.err(`not released: add --yes to release the ${held.length} deployment lock(s) of ${text}${held.map((l) => `\n  ${l.deployment}`).join('')}`)
      return setExitCode(ExitCode.Usage)
    }
    output.out(describeReleased(await releasePullRequestLocks({ workingDir: flags.workingDir, objects, pullRequest: pr }), pr))
  }
  return new Command('locks').description('list or release the run locks of the deployments').addCommand(list).addCommand(release)
}
