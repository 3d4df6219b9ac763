import type { S3ClientConfig } from '@aws-sdk/client-s3'
import { resolve } from 'node:path'
import { loadConfig } from '../config/io/load-config.js'
import { releasePrLocks } from '../locks/io/pr-lock-store.js'
import { describePrHolder, type PullRequestRef } from '../locks/pr-lock.js'
import type { RunLock } from '../locks/run-lock.js'
import { storesFor } from '../state/io/state-store-for.js'
import type { ObjectStore } from '../state/object-store.js'

export { releasePrLocks }

export interface ReleasedPrLocks {
  /** The store the locks were in (for messages). */
  location: string
  released: RunLock[]
}

/**
 * A pull request was closed or merged: every deployment lock it holds is let
 * go (the action on `pull_request` `closed`, and `locks release --pull-request`).
 * `credentials`: the action's own (OIDC role) for S3; `objects` replaces the
 * configured store (tests, or a caller that has it open).
 */
export async function releasePullRequestLocks(o: {
  workingDir: string
  config?: string
  pullRequest: PullRequestRef
  credentials?: S3ClientConfig['credentials']
  objects?: ObjectStore
}): Promise<ReleasedPrLocks> {
  const objects = o.objects ?? storesFor(resolve(o.workingDir), await loadConfig(resolve(o.workingDir), o.config), o.credentials).objects
  return { location: objects.location, released: await releasePrLocks(objects, o.pullRequest.repository, o.pullRequest.pullRequest) }
}

/** One line per released lock, for the log or the CLI. */
export function describeReleased(r: ReleasedPrLocks, pr: PullRequestRef): string {
  const name = `${pr.repository}#${pr.pullRequest}`
  if (r.released.length === 0) return `${name} held no deployment locks in ${r.location}`
  return [`released ${r.released.length} deployment lock(s) of ${name} in ${r.location}:`, ...r.released.map((l) => `  ${l.deployment}: ${describePrHolder(l)}`)].join('\n')
}
