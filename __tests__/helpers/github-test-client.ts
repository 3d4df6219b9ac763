import { createGitHubClient, type GitHubClient } from '../../src/github/io/github-client.js'
import type { FakeGitHub } from './fake-github.js'

/** The token tests send; asserted never to appear in a log line or warning. */
export const TEST_TOKEN = 'ghs_testSecretToken0123456789'

/** A real client against `fake` with millisecond waits; every log line lands in `logs`. */
export function testClient(fake: FakeGitHub, options: { retries?: number; rateLimitRetries?: number } = {}): { client: GitHubClient; logs: string[] } {
  const logs: string[] = []
  const client = createGitHubClient({
    token: TEST_TOKEN,
    apiUrl: fake.url,
    log: (line) => logs.push(line),
    ...options,
    timing: { retryBaseMs: 1, rateLimitSecondMs: 5, writeIntervalMs: 0, notificationIntervalMs: 0 }
  })
  return { client, logs }
}
