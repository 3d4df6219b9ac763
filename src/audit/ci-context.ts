/** Where a run came from, when it ran in CI (GitHub Actions variables). */
export interface CiContext {
  repository?: string
  runId?: string
  runAttempt?: number
  actor?: string
  commit?: string
  ref?: string
  event?: string
  pullRequest?: number
}

/**
 * Reads the CI context from an environment (pure: the caller passes
 * `process.env`). Undefined outside GitHub Actions. The pull request number
 * comes from `refs/pull/<n>/merge` or `<n>/head`, the ref of pull_request events.
 */
export function ciContextFromEnv(env: Readonly<Record<string, string | undefined>>): CiContext | undefined {
  if (env.GITHUB_ACTIONS !== 'true' && env.GITHUB_RUN_ID === undefined) return undefined
  const ref = env.GITHUB_REF || undefined
  const pr = ref?.match(/^refs\/pull\/(\d+)\/(?:merge|head)$/)?.[1]
  const attempt = env.GITHUB_RUN_ATTEMPT ? Number.parseInt(env.GITHUB_RUN_ATTEMPT, 10) : undefined
  const context: CiContext = {
    repository: env.GITHUB_REPOSITORY || undefined,
    runId: env.GITHUB_RUN_ID || undefined,
    runAttempt: attempt !== undefined && Number.isFinite(attempt) ? attempt : undefined,
    actor: env.GITHUB_ACTOR || undefined,
    commit: env.GITHUB_SHA || undefined,
    ref,
    event: env.GITHUB_EVENT_NAME || undefined,
    pullRequest: pr !== undefined ? Number(pr) : undefined
  }
  // Drop absent members so records stay small and stable for JSON comparisons.
  return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined)) as CiContext
}
