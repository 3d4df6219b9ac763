import type { S3ClientConfig } from '@aws-sdk/client-s3'
import type { Environment } from '../app/environment.js'
import type { Workspace } from '../app/load-workspace.js'
import { cancelOnSignals, startRun } from '../app/start-run.js'
import type { RunSettings } from '../engine/run-settings.js'
import type { DriftFindings } from '../github/io/drift-observer.js'
import type { RedactionBook } from '../github/io/redaction-book.js'
import type { SelectedDeployment } from '../model/deployment.js'
import type { RunSummary } from '../model/run-result.js'
import { renderRunTable } from '../render/run-table.js'
import type { ActionLog } from './action-log.js'
import { githubObservers } from './github-outputs.js'
import type { GitHubInputs } from './inputs.js'

/** What a run of the action produced. */
export interface ActionRun {
  summary: RunSummary
  /** Set by drift runs. */
  drift?: DriftFindings
}

/** Runs the selected deployments with every GitHub output attached; SIGINT/SIGTERM cancel the run. */
export async function runDeployments(
  ws: Workspace,
  settings: RunSettings,
  o: {
    command: 'plan' | 'apply' | 'drift'
    env: Environment
    inputs: GitHubInputs
    book: RedactionBook
    log: ActionLog
    /** Temporary credentials of each deployment's role (credentials.ts), when the action assumes roles. */
    deploymentEnv?: ((d: SelectedDeployment) => Promise<Record<string, string>>) | undefined
    /** The action's own credentials (OIDC role) for its S3 calls. */
    credentials?: S3ClientConfig['credentials'] | undefined
    /** A matrix shard: no PR comment (the merge job posts it). */
    shardJob?: boolean
  }
): Promise<ActionRun> {
  const { log } = o
  const cancel = new AbortController()
  const release = cancelOnSignals(cancel, (signal) => log.warning(`${signal}: stopping; running deployments get SIGINT, nothing new starts`))
  let drift: DriftFindings | undefined
  try {
    const summary = await startRun(ws, settings, {
      observers: githubObservers({ ...o, ws, debug: settings.debug, onDrift: (findings) => void (drift = findings) }),
      cancel: cancel.signal,
      onPolicySetupError: (message) => log.error(`policy gate: ${message}; every deployment is blocked (fail closed)`),
      onObserverError: (observer, error) => log.error(`${observer} failed: ${error instanceof Error ? error.message : String(error)}`),
      warn: (message) => log.warning(message),
      ...(o.deploymentEnv ? { deploymentEnv: o.deploymentEnv } : {}),
      ...(o.credentials ? { credentials: o.credentials } : {})
    })
    log.info(renderRunTable(summary))
    return { summary, ...(drift ? { drift } : {}) }
  } finally {
    release()
  }
}
