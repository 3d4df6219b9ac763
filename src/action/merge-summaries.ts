import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { Environment } from '../app/environment.js'
import type { RunRequest } from '../app/run-request.js'
import { runFailed } from '../app/start-run.js'
import { createGitHubClient } from '../github/io/github-client.js'
import { jobSummaryObserver } from '../github/io/job-summary-observer.js'
import { prCommentObserver } from '../github/io/pr-comment-observer.js'
import type { RedactionBook } from '../github/io/redaction-book.js'
import type { RunLinks } from '../github/io/run-links.js'
import type { RunSummary } from '../model/run-result.js'
import { renderRunTable } from '../render/run-table.js'
import { mergeSummaries, type MergedRunSummary } from '../summary/merge-summaries.js'
import { asRunSummary } from '../summary/summary-shape.js'
import type { ActionLog } from './action-log.js'
import { workflowContext } from './github-outputs.js'
import type { GitHubInputs } from './inputs.js'
import { EMPTY_OUTPUTS, setOutputs } from './step-outputs.js'

/** Every summary.json below `dir` (one per downloaded shard artifact), in path order. */
async function summaryFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: unknown) => {
    const { code, message } = error as { code?: string; message?: string }
    throw new Error(code === 'ENOENT' ? `summaries-path ${dir} does not exist (download the shard jobs' artifacts there first)` : `summaries-path ${dir}: ${message ?? String(error)}`)
  })
  return entries.filter((e) => e.isFile() && e.name === 'summary.json').map((e) => join(e.parentPath, e.name)).sort()
}

/**
 * A shard's deployments with their logs where the merge job has them: the
 * artifact observer's `<id with / as __>.log` next to summary.json, a copied
 * run folder's `logs/`, else the path the shard recorded (same machine).
 */
function withLocalLogs(summary: RunSummary, file: string): RunSummary {
  const dir = dirname(file)
  const deployments = summary.deployments.map((d) => {
    const name = `${d.id.replace(/\//g, '__')}.log`
    const logFile = [join(dir, name), join(dir, 'logs', name), d.logFile].find((f) => f !== undefined && existsSync(f))
    const planJsonFile = d.planJsonFile !== undefined && existsSync(d.planJsonFile) ? d.planJsonFile : undefined
    return { ...d, logFile, planJsonFile }
  })
  return { ...summary, deployments }
}

/** Reads and merges every shard summary under `dir`; `runId` names the merged run. */
export async function readMergedSummary(dir: string, runId: string): Promise<MergedRunSummary> {
  const files = await summaryFiles(dir)
  if (files.length === 0) throw new Error(`summaries-path ${dir}: no summary.json found (download the shard jobs' artifacts there first)`)
  const parts = await Promise.all(files.map(async (f) => withLocalLogs(asRunSummary(JSON.parse(await readFile(f, 'utf8')) as unknown, f), f)))
  return mergeSummaries(parts, runId)
}

const newRunId = (): string => `${new Date().toISOString().replace(/[-:.]/g, '')}-merge`

/**
 * `command: merge-summaries`: merges the shard jobs' summaries under
 * `summaries-path` into one run and posts what one unsharded run would: the one
 * PR comment and the job summary (through the same observers), writes the
 * merged summary.json, and fails the step when the merged run failed.
 */
export async function mergeShardSummaries(request: RunRequest, o: { env: Environment; github: GitHubInputs; book: RedactionBook; log: ActionLog }): Promise<void> {
  const { env, github, book, log } = o
  if (request.run.summariesPath === undefined) throw new Error('merge-summaries: say where the shard summaries are: input summaries-path')
  const repoRoot = env.githubWorkspace ?? process.cwd()
  const workingDirAbs = resolve(request.selection.workingDir)
  const merged = await readMergedSummary(resolve(request.run.summariesPath), newRunId())
  const file = join(workingDirAbs, '.tf-orchestrator', 'runs', merged.runId, 'summary.json')
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, `${JSON.stringify(merged, null, 2)}\n`)
  log.info(`merged ${merged.shards} shard summaries: ${merged.totals.deployments} deployment(s)`)
  log.info(renderRunTable(merged))
  const context = workflowContext(env)
  const links: RunLinks = { ...(context.summaryUrl ? { jobSummary: context.summaryUrl } : {}) }
  const fromRepo = relative(repoRoot, workingDirAbs).split(sep).join('/')
  const workingDir = fromRepo === '' || fromRepo.startsWith('..') ? '.' : fromRepo
  const warn = (message: string): void => log.warning(message)
  await jobSummaryObserver({ write: async (m) => void (await core.summary.addRaw(m, true).write()), dependencies: new Map(), workingDir, book, links }).runFinished?.(merged)
  if (github.token && context.owner && context.repo && context.prNumber) {
    const client = createGitHubClient({ token: github.token, apiUrl: context.apiUrl, log: (line) => log.warning(`GitHub API: ${line}`) })
    await prCommentObserver({ client, context, workingDir, book, links, warn, onPosted: (r) => log.info(`PR comment ${r.action}`) }).runFinished?.(merged)
  }
  setOutputs({ ...EMPTY_OUTPUTS, count: merged.totals.deployments, hasChanges: merged.deployments.some((d) => d.hasChanges), summaryFile: file })
  if (runFailed(merged)) {
    const t = merged.totals
    log.error(`${t.failed} failed, ${t.blocked} blocked, ${t.timedOut} timed out, ${t.skipped} skipped${merged.cancelled ? ', run cancelled' : ''} (over ${merged.shards} shards)`)
    process.exitCode = core.ExitCode.Failure
  }
}
