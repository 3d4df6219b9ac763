import { deploymentOfLockKey, describeLock, durationMs, newRunLock, parseRunLock, runLockKey, sameLock, staleReason, type RunLock } from '../../src/locks/run-lock.js'
import { addressesInState, createdInLog, lockLeftByKill, stateProblem } from '../../src/locks/state-health.js'
import { describeUnfinishedRun } from '../../src/locks/unfinished-report.js'

const owner = { runId: 'r1', host: 'ci-7', pid: 4242 }
const at = new Date('2026-03-01T10:00:00Z')
const lock = newRunLock('s3/acct/us-east-1/data', owner, at, 60_000, { stateKey: 's3/acct/us-east-1/data/terraform.tfstate' })
const here = (over: Partial<{ host: string; now: Date; alive: (pid: number) => boolean }> = {}) => ({ host: 'ci-7', now: at, alive: () => true, ...over })
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('run lock objects', () => {
  it('live at locks/{deployment id}.json, and the key gives the id back', () => {
    expect(runLockKey('s3/acct/us-east-1/data')).toBe('locks/s3/acct/us-east-1/data.json')
    expect(deploymentOfLockKey('locks/s3/acct/us-east-1/data.json')).toBe('s3/acct/us-east-1/data')
    expect(deploymentOfLockKey('backups/x.json')).toBeUndefined()
    expect(lock).toMatchObject({ acquiredAt: '2026-03-01T10:00:00.000Z', expiresAt: '2026-03-01T10:01:00.000Z', owner })
  })

  it('parse back what they were written as, and refuse anything else', () => {
    expect(parseRunLock(JSON.stringify(lock))).toEqual(lock)
    expect(parseRunLock('{"owner":')).toBeUndefined()
    expect(parseRunLock(JSON.stringify({ ...lock, owner: { runId: 'r1', host: 'h' } }))).toBeUndefined()
    expect(parseRunLock(JSON.stringify({ ...lock, expiresAt: 'soon' }))).toBeUndefined()
  })

  it('are stale once expired, or when their process is gone from this host', () => {
    expect(staleReason(lock, here())).toBeUndefined()
    expect(staleReason(lock, here({ now: new Date('2026-03-01T10:01:00Z') }))).toBe('expired')
    expect(staleReason(lock, here({ alive: (pid) => pid !== 4242 }))).toBe('holder-gone')
    // Another host's pid says nothing here: only the expiry counts.
    expect(staleReason(lock, here({ host: 'ci-8', alive: () => false }))).toBeUndefined()
    // A pull request's lock outlives the run that took it.
    const pr: RunLock = { ...lock, kind: 'pull-request', owner: { ...owner, repository: 'acme/infra', pullRequest: 12 } }
    expect(staleReason(pr, here({ alive: () => false }))).toBeUndefined()
    expect(describeLock(pr)).toBe('run r1 (pid 4242 on ci-7, acme/infra#12) since 2026-03-01T10:00:00.000Z, expires 2026-03-01T10:01:00.000Z')
  })

  it('wait as long as lock_timeout says', () => {
    expect([durationMs('90s'), durationMs('5m'), durationMs('2h')]).toEqual([90_000, 300_000, 7_200_000])
    expect(() => durationMs('5 minutes')).toThrow('"5 minutes" is not a duration such as 90s, 5m or 2h')
  })

  it('are the same acquisition only with the same holder and time', () => {
    expect(sameLock(lock, { ...lock })).toBe(true)
    expect(sameLock(lock, { ...lock, acquiredAt: '2026-03-01T10:00:01.000Z' })).toBe(false)
    expect(sameLock(lock, { ...lock, owner: { ...owner, runId: 'r2' } })).toBe(false)
  })
})

describe('state health', () => {
  it('tells a usable state from an empty, torn or foreign one', () => {
    expect(stateProblem(bytes('{"version":4,"serial":3,"resources":[]}'))).toBeUndefined()
    expect(stateProblem(bytes(''))).toBe('it is empty (0 bytes)')
    expect(stateProblem(bytes('{"version":4,"ser'))).toMatch(/^it is not JSON/)
    expect(stateProblem(bytes('[]'))).toBe('it is JSON but not a state (no "version")')
    expect(stateProblem(undefined)).toBe('it does not exist')
  })

  it('reads the created resources of a log from its first apply section on', () => {
    const log = [
      '=== plan (attempt 1, exit 2) ===',
      'terraform_data.x: Creation complete after 0s [id=not-applied]', // cannot happen in a plan; must not count
      '=== apply (attempt 1, exit null) ===',
      'terraform_data.made: Creating...',
      '\u001b[0m\u001b[1mterraform_data.made: Creation complete after 0s [id=1]\u001b[0m',
      'module.app.aws_s3_bucket.b["a b"]: Creation complete after 2s [id=bucket]',
      'terraform_data.step: Provisioning with \'local-exec\'...',
      'terraform_data.made: Creation complete after 0s [id=1]'
    ].join('\n')
    expect(createdInLog(log)).toEqual(['terraform_data.made', 'module.app.aws_s3_bucket.b["a b"]'])
    expect(createdInLog('terraform_data.live: Creation complete after 1s')).toEqual(['terraform_data.live'])
  })

  it('lists the instance addresses a state holds, as OpenTofu prints them', () => {
    const state = {
      version: 4,
      resources: [
        { mode: 'managed', type: 'terraform_data', name: 'one', instances: [{}] },
        { mode: 'managed', type: 'terraform_data', name: 'many', instances: [{ index_key: 0 }, { index_key: 1 }] },
        { module: 'module.app', mode: 'managed', type: 'aws_s3_bucket', name: 'b', instances: [{ index_key: 'a b' }] },
        { mode: 'data', type: 'aws_caller_identity', name: 'me', instances: [{}] }
      ]
    }
    expect([...addressesInState(bytes(JSON.stringify(state)))]).toEqual([
      'terraform_data.one',
      'terraform_data.many[0]',
      'terraform_data.many[1]',
      'module.app.aws_s3_bucket.b["a b"]',
      'data.aws_caller_identity.me'
    ])
    expect(addressesInState(bytes(''))).toEqual(new Set())
  })

  it('counts a backend lock as the killed command\'s only when this user on this host took it after it started', () => {
    const since = new Date('2026-03-01T10:00:00Z')
    const info = { ID: 'x', Who: 'runner@ci-7', Created: '2026-03-01T10:00:05.123Z' }
    expect(lockLeftByKill(info, 'runner@ci-7', since)).toBe(true)
    expect(lockLeftByKill(info, 'runner@ci-8', since)).toBe(false)
    expect(lockLeftByKill({ ...info, Created: '2026-03-01T09:59:00Z' }, 'runner@ci-7', since)).toBe(false)
    expect(lockLeftByKill(undefined, 'runner@ci-7', since)).toBe(true)
  })
})

describe('the report of an unfinished run', () => {
  it('says what died, what was stopped, released and restored, and what to import', () => {
    const lines = describeUnfinishedRun({
      runId: 'r1', runDir: '/runs/r1', startedAt: '2026-03-01T10:00:00Z', pid: 41,
      stopped: [{ pid: 42, command: 'tofu apply plan.tfplan', signal: 'SIGKILL' }],
      released: ['locks/app/a/e/p.json'],
      states: [{ deployment: 'app/a/e/p', stateKey: 'app/a/e/p/terraform.tfstate', check: { status: 'restored', problem: 'it is empty (0 bytes)', restoredFrom: 'backups/x.backup', releasedLock: 'app/a/e/p/.terraform.tfstate.lock.info', createdSinceBackup: ['terraform_data.made'] } }]
    })
    expect(lines).toEqual([
      'run r1 (pid 41, started 2026-03-01T10:00:00Z) did not finish: it has no summary',
      '  stopped its orphan 42 (SIGKILL): tofu apply plan.tfplan',
      '  released its run lock locks/app/a/e/p.json',
      '  app/a/e/p: state was unusable (it is empty (0 bytes)); restored from backups/x.backup; removed the backend lock app/a/e/p/.terraform.tfstate.lock.info',
      '  app/a/e/p: created but in no state (import them): terraform_data.made'
    ])
  })
})
