import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Octokit } from '@octokit/rest'
import Bottleneck from 'bottleneck'

const ThrottledOctokit = Octokit.plugin(retry, throttling)

/** The REST client every GitHub call goes through: retries server errors, waits out rate limits. */
export type GitHubClient = InstanceType<typeof ThrottledOctokit>

/** Waits of the client; the defaults follow GitHub's guidance, tests shrink them. */
export interface GitHubClientTiming {
  /** Base of the retry back-off of 5xx errors: waits 1, 4, 9 ... times this (default 1000 ms). */
  retryBaseMs?: number
  /** Length of one "second" of a rate limit's retry-after / reset wait (default 1000 ms). */
  rateLimitSecondMs?: number
  /** Least time between two writes (default 1000 ms) and two notifying writes such as comments (default 3000 ms). */
  writeIntervalMs?: number
  notificationIntervalMs?: number
}

/** What the client needs; `apiUrl` is GITHUB_API_URL (GitHub Enterprise Server or a test server). */
export interface GitHubClientOptions {
  token: string
  apiUrl?: string
  /** Where warnings go (rate limits, retries). Never given the token. */
  log: (line: string) => void
  /** Most retries of a request after a 5xx (default 3) and after a rate limit (default 2). */
  retries?: number
  rateLimitRetries?: number
  timing?: GitHubClientTiming
}

/** A GitHub REST client with retry (5xx) and throttling (rate limits, paced writes). */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { log, timing = {} } = options
  const rateLimitRetries = options.rateLimitRetries ?? 2
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
    const retrying = retryCount < rateLimitRetries
    log(`GitHub ${kind} on ${request.method} ${request.url}: ${retrying ? `retry ${retryCount + 1}/${rateLimitRetries} in ${retryAfter}s` : 'giving up'}`)
    return retrying
  }
  // Own limiter groups per client: the plugin's shared ones would pace every client of the process together.
  const groups = {
    global: new Bottleneck.Group({ id: 'tforch-global', maxConcurrent: 10 }),
    auth: new Bottleneck.Group({ id: 'tforch-auth', maxConcurrent: 1 }),
    search: new Bottleneck.Group({ id: 'tforch-search', maxConcurrent: 1, minTime: 2000 }),
    write: new Bottleneck.Group({ id: 'tforch-write', maxConcurrent: 1, minTime: timing.writeIntervalMs ?? 1000 }),
    notifications: new Bottleneck.Group({ id: 'tforch-notifications', maxConcurrent: 1, minTime: timing.notificationIntervalMs ?? 3000 })
  }
  return new ThrottledOctokit({
    auth: options.token,
    baseUrl: (options.apiUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: 'tf-orchestrator',
    log: { debug: () => {}, info: () => {}, warn: (message: string) => log(message), error: (message: string) => log(message) },
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: timing.retryBaseMs ?? 1000 },
    throttle: {
      ...groups,
      retryAfterBaseValue: timing.rateLimitSecondMs ?? 1000,
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit')
    }
  })
}

/** A one-line description of a failed GitHub call (status and message, never headers or token). */
export function describeGitHubError(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'status' in error) {
    const { status, message } = error as { status: unknown; message?: unknown }
    return `HTTP ${String(status)}: ${String(message ?? '').split('\n')[0] ?? ''}`
  }
  return error instanceof Error ? error.message : String(error)
}
