import { DefaultArtifactClient } from '@actions/artifact'
import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import { relative, sep } from 'node:path'
import type { Environment } from '../app/environment.js'
import type { Workspace } from '../app/load-workspace.js'
import { progressObserver } from '../engine/observers/progress-observer.js'
import type { RunObserver } from '../engine/run-observer.js'
import { artifactObserver } from '../github/io/artifact-observer.js'
import { driftObserver, type DriftFindings } from '../github/io/drift-observer.js'
import { createGitHubClient } from '../github/io/github-client.js'
import { jobSummaryObserver } from '../github/io/job-summary-observer.js'
import { groupedLogObserver } from '../github/io/log-observers.js'
import { prCommentObserver } from '../github/io/pr-comment-observer.js'
import type { RedactionBook } from '../github/io/redaction-book.js'
import type { RunLinks } from '../github/io/run-links.js'
import { pullRequestContext, type PullRequestContext } from '../github/pull-request-context.js'
import type { ActionLog } from './action-log.js'
import type { GitHubInputs } from './inputs.js'

/** The event that started the workflow (GITHUB_EVENT_PATH); an unreadable one is an empty event. */
export function workflowContext(env: Environment): PullRequestContext {
  const path = env.workflow.GITHUB_EVENT_PATH
  let payload: unknown = {}
  try {
    if (path) payload = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    payload = {}
  }
  return pullRequestContext(env.workflow.GITHUB_EVENT_NAME ?? '', payload, env.workflow)
}

/** What the action's run outputs need. */
export interface GitHubOutputsInput {
  ws: Workspace
  command: 'plan' | 'apply' | 'drift'
  debug: boolean
  env: Environment
  inputs: GitHubInputs
  book: RedactionBook
  log: ActionLog
  /** A matrix shard: the merge job posts the PR comment, not each shard. */
  shardJob?: boolean
  /** Called after a drift run with what drifted. */
  onDrift: (findings: DriftFindings) => void
}

/**
 * The observers of a run on GitHub, in the order their links need: progress
 * lines, grouped logs and annotations, then the artifact (fills links.artifact),
 * the job summary, the PR comment and (drift runs) the drift issues. Every one
 * redacts through the run's one RedactionBook; a GitHub failure is a warning.
 */
export function githubObservers(o: GitHubOutputsInput): RunObserver[] {
  const { ws, book, log } = o
  const context = workflowContext(o.env)
  const links: RunLinks = { ...(context.summaryUrl ? { jobSummary: context.summaryUrl } : {}) }
  const repoRoot = o.env.githubWorkspace ?? process.cwd()
  const fromRepo = relative(repoRoot, ws.workingDir).split(sep).join('/')
  const workingDir = fromRepo === '' || fromRepo.startsWith('..') ? '.' : fromRepo
  const warn = (message: string): void => log.warning(message)
  const client =
    o.inputs.token && context.owner && context.repo
      ? createGitHubClient({ token: o.inputs.token, apiUrl: context.apiUrl, log: (line) => log.warning(`GitHub API: ${line}`) })
      : undefined
  const warnings = ws.warnings.map((w) => w.message)
  const progress = progressObserver(log.info)
  // The engine streams command output only in debug; without it, no live output at all.
  if (!o.debug) delete progress.outputLine
  const observers: RunObserver[] = [
    progress,
    groupedLogObserver({ book, group: log.group, annotate: log.annotate, workingDirFromRepo: workingDir }),
    artifactObserver({ upload: (name, files, root) => new DefaultArtifactClient().uploadArtifact(name, files, root), book, links, runUrl: context.runUrl, warn }),
    jobSummaryObserver({ write: async (markdown) => void (await core.summary.addRaw(markdown, true).write()), dependencies: ws.graph.dependencies, workingDir, book, links, warnings })
  ]
  if (client && context.prNumber && !o.shardJob) observers.push(prCommentObserver({ client, context, workingDir, book, links, warnings, warn }))
  if (o.command === 'drift') {
    if (!client) warn('drift issues need github-token and the repository (GITHUB_REPOSITORY): drift is only reported in the outputs')
    observers.push(driftObserver({ client, context, mode: o.inputs.driftIssues, workingDir, book, links, warn, onFindings: (findings) => o.onDrift(findings) }))
  }
  return observers
}
