import fc from 'fast-check'
import {
  AuditKeyError,
  auditAction,
  auditRecordKey,
  decodeDeploymentId,
  encodeDeploymentId,
  indexDayPrefix,
  indexEntryKey,
  parseIndexKey,
  runIndexKey,
  runRecordKey
} from '../../src/audit/audit-keys.js'
import { ciContextFromEnv } from '../../src/audit/ci-context.js'
import { indexDays } from '../../src/audit/history-index.js'

const at = new Date('2026-11-05T14:22:33.456Z')
const parts = { account: 'acme-dev', project: 'payments-data', action: 'apply', at, runId: '20261105T142000123Z-a1b2c3', deploymentId: 's3/acme-dev/us-east-1/payments-data' }

describe('audit keys', () => {
  it('files a record under the account and project with action, UTC time, run id and encoded deployment', () => {
    expect(auditRecordKey(parts)).toBe('audit-logs/acme-dev/payments-data/apply-20261105T142233Z-20261105T142000123Z-a1b2c3-s3~acme-dev~us-east-1~payments-data.json')
  })

  it('files the run record and the index under prefixes no account can have', () => {
    expect(runRecordKey({ action: 'plan-destroy', at, runId: parts.runId })).toBe('audit-logs/_runs/plan-destroy-20261105T142233Z-20261105T142000123Z-a1b2c3.json')
    expect(indexEntryKey(at, parts.runId, parts.deploymentId)).toBe('audit-logs/_index/2026/11/05/20261105T142000123Z-a1b2c3/s3~acme-dev~us-east-1~payments-data.json')
    expect(runIndexKey(at, parts.runId)).toBe('audit-logs/_index/2026/11/05/20261105T142000123Z-a1b2c3.json')
    expect(() => auditRecordKey({ ...parts, account: '_index' })).toThrow(AuditKeyError)
  })

  it('uses the UTC day, whatever the local time zone', () => {
    expect(indexDayPrefix(new Date('2026-12-31T23:59:59.999Z'))).toBe('audit-logs/_index/2026/12/31/')
    expect(indexDayPrefix(new Date('2027-01-01T00:00:00.000Z'))).toBe('audit-logs/_index/2027/01/01/')
  })

  it.each([
    ['account', { account: '../other' }, /account "..\/other" is not valid/],
    ['account', { account: 'a/b' }, /path separator/],
    ['project', { project: '' }, /project "" is not valid: it is empty/],
    ['run id', { runId: 'run id with spaces' }, /run id/],
    ['deployment', { deploymentId: 's3//x' }, /deployment id segment "" is not valid/],
    ['deployment', { deploymentId: 's3/a~b/x' }, /deployment id segment "a~b"/],
    ['action', { action: 'destroy' }, /unknown action "destroy"/]
  ])('rejects an invalid %s', (_what, bad, why) => {
    expect(() => auditRecordKey({ ...parts, ...bad })).toThrow(why)
  })

  it('rejects an invalid time', () => {
    expect(() => auditRecordKey({ ...parts, at: new Date('nope') })).toThrow(/invalid time/)
  })

  it('encodes deployment ids reversibly', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/).filter((s) => !s.includes('..'))
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 6 }), (segments) => {
        const id = segments.join('/')
        const encoded = encodeDeploymentId(id)
        expect(encoded).not.toContain('/')
        expect(decodeDeploymentId(encoded)).toBe(id)
      })
    )
  })

  it('parses index keys back to run and deployment', () => {
    expect(parseIndexKey(indexEntryKey(at, parts.runId, parts.deploymentId))).toEqual({ runId: parts.runId, deploymentId: parts.deploymentId })
    expect(parseIndexKey(runIndexKey(at, parts.runId))).toEqual({ runId: parts.runId })
    expect(parseIndexKey('audit-logs/acme-dev/payments-data/x.json')).toBeUndefined()
    expect(parseIndexKey('audit-logs/_index/2026/11/05/run/a/b.json')).toBeUndefined()
  })

  it('names the action of destroy runs', () => {
    expect(auditAction('apply', true)).toBe('apply-destroy')
    expect(auditAction('plan', false)).toBe('plan')
  })

  it('lists the index days of a window with one day before it', () => {
    const days = indexDays(new Date('2026-11-30T12:00:00Z'), 2 * 86_400_000).map((d) => d.toISOString().slice(0, 10))
    expect(days).toEqual(['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'])
    expect(indexDays(new Date('2026-11-30T12:00:00Z'), 30 * 86_400_000)).toHaveLength(32)
  })
})

describe('CI context', () => {
  it('reads a pull request run', () => {
    expect(
      ciContextFromEnv({
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: 'acme/infra',
        GITHUB_RUN_ID: '987',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_ACTOR: 'octocat',
        GITHUB_SHA: 'abc123',
        GITHUB_REF: 'refs/pull/42/merge',
        GITHUB_EVENT_NAME: 'pull_request'
      })
    ).toEqual({ repository: 'acme/infra', runId: '987', runAttempt: 2, actor: 'octocat', commit: 'abc123', ref: 'refs/pull/42/merge', event: 'pull_request', pullRequest: 42 })
  })

  it('has no pull request on a branch push and nothing outside CI', () => {
    expect(ciContextFromEnv({ GITHUB_ACTIONS: 'true', GITHUB_REF: 'refs/heads/main' })).toEqual({ ref: 'refs/heads/main' })
    expect(ciContextFromEnv({ HOME: '/root' })).toBeUndefined()
  })
})
