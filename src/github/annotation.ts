import type { Deployment } from '../model/deployment.js'
import type { DeploymentResult } from '../model/run-result.js'
import { joinPosix } from '../model/posix-path.js'

/** An error annotation, attached to a file and line of the pull request when known. */
export interface Annotation {
  title: string
  message: string
  /** Relative to the repository root, so GitHub attaches it to the diff. */
  file?: string
  startLine?: number
}

// OpenTofu names the place of a configuration error as `on main.tf line 3, in resource ...`.
const LOCATION = /\bon ([^\s,:]+\.(?:tf|tf\.json|tfvars|tfvars\.json)) line (\d+)/

/**
 * The annotation of a deployment that failed, was blocked or timed out (none
 * for others). `workingDirFromRepo` is the working directory relative to the
 * repository root; `log` the deployment's (redacted) output, where the first
 * error's file and line are looked up; otherwise the deployment's own file.
 */
export function annotationFor(result: DeploymentResult, d: Deployment, workingDirFromRepo: string, log = ''): Annotation | undefined {
  if (result.status !== 'failed' && result.status !== 'blocked' && result.status !== 'timed-out') return undefined
  const firstError = (result.error ?? result.status).split('\n')[0] as string
  const title = `${result.id} ${result.status}`
  const located = log.match(LOCATION)
  if (located?.[1] && located[2]) {
    return { title, message: firstError, file: joinPosix(workingDirFromRepo, d.rootDir, located[1]), startLine: Number(located[2]) }
  }
  return { title, message: firstError, file: joinPosix(workingDirFromRepo, d.source) }
}
