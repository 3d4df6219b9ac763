import { join } from 'node:path'
import { readEnvironment } from '../../src/app/environment.js'
import { releasePullRequestLocks } from '../../src/app/release-pr-locks.js'
import { auditObserver } from '../../src/audit/io/audit-observer.js'
import { locksCommand } from '../../src/cli/locks-command.js'
import { executeRun } from '../../src/engine/execute-run.js'
import { pipelineFor } from '../../src/engine/pipeline.js'
import type { ReviewSettings, RunSettings } from '../../src/engine/run-settings.js'
import { applyStep } from '../../src/engine/steps/apply-step.js'
import { initStep } from '../../src/engine/steps/init-step.js'
import { planStep } from '../../src/engine/steps/plan-step.js'
import { prLockStep } from '../../src/engine/steps/pr-lock-step.js'
import { runLockStep } from '../../src/engine/steps/run-lock-step.js'
import { showStep } from '../../src/engine/steps/show-step.js'
import { readPrLock, releasePrLocks } from '../../src/locks/io/pr-lock-store.js'
import { prLockKey } from '../../src/locks/pr-lock.js'
import { newRunLock, runLockKey } from '../../src/locks/run-lock.js'
import type { SelectedDeployment } from '../../src/model/deployment.js'
import type { DeploymentResult } from '../../src/model/run-result.js'
import type { RunObserver } from '../../src/engine/run-observer.js'
import { localObjectStore } from '../../src/state/io/local-object-store.js'
import { localStateStore } from '../../src/state/io/local-state-store.js'
import { s3ObjectStore } from '../../src/state/io/s3-object-store.js'
import type { ObjectStore } from '../../src/state/object-store.js'
import type { CommandResult, Executor } from '../../src/terraform/io/executor.js'
import { startMinio, type Minio } from '../helpers/minio.js'
import { tempDir } from '../helpers/temp-dir.js'

const d: SelectedDeployment = {
  id: 'app/acct/east/proj', name: 'proj', layout: 'stacks', account: 'acct', region: 'east', project: 'proj', services: ['app'],
  stateKey: 'app/acct/east/proj/terraform.tfstate', rootDir: '.', source: 'main.tf', reasons: [{ kind: 'all', text: 'all' }]
}
const ok = (exitCode: number, stdout = ''): CommandResult => ({ exitCode, stdout, stderr: '', output: stdout, interrupted: false, durationMs: 1 })
const pr = (n: number, mode: ReviewSettings['mode'] = 'store'): ReviewSettings => ({ repository: 'acme/infra', pullRequest: n, headSha: `abc${n}def0`, mode })

/** A fake binary: plan has changes (`changes`), apply succeeds unless `applyFails`; `calls` records what ran. */
function fake(o: { changes?: boolean; applyFails?: boolean } = {}) {
  const calls: string[] = []
  const exec: Executor = async (_tool, args) => {
    calls.push(args[0] as string)
    if (args[0] === 'plan') return ok(o.changes === false ? 0 : 2)
    if (args[0] === 'show') return ok(0, JSON.stringify({ resource_changes: [{ address: 'terraform_data.x', change: { actions: o.changes === false ? ['no-op'] : ['create'] } }] }))
    return ok(args[0] === 'apply' && o.applyFails ? 1 : 0)
  }
  return { calls, exec }
}

const tmp = tempDir({ '.tf-orchestrator.yml': 'lock_timeout: 2m\n' })
let minio: Minio | undefined
beforeAll(async () => {
  minio = await startMinio()
  await minio.createBucket('pr-locks')
}, 60_000)
afterAll(async () => {
  await minio?.stop()
  tmp.cleanup()
})
let count = 0

/** One run of deployment d against `objects` (the pipeline's lock steps around a fake plan and apply). */
async function run(objects: ObjectStore, runId: string, command: 'plan' | 'apply', review: ReviewSettings | undefined, exec: Executor, extra: { observers?: RunObserver[]; prLockTtlMs?: number } = {}): Promise<DeploymentResult> {
  const dir = join(tmp.dir, 'runs', String(++count))
  const settings: RunSettings & { prLockTtlMs?: number } = {
    command, destroy: false, workingDir: dir, binary: 'tofu', opaBinary: 'opa', workers: 1, timeoutMs: 60_000, graceMs: 100,
    retry: { maxAttempts: 1, initialDelayMs: 1, patterns: [] }, throttle: { windowMs: 0 }, workDir: join(dir, 'work'), runDir: join(dir, 'run'),
    runId, pluginCacheDir: join(dir, 'cache'), historyFile: join(dir, 'history.json'), debug: false, noColor: true, strategy: 'dag', env: {},
    lockPollMs: 25, lockTimeoutMs: 1000, ...(review ? { review } : {}), ...(extra.prLockTtlMs ? { prLockTtlMs: extra.prLockTtlMs } : {})
  }
  const steps = [runLockStep, initStep, planStep, showStep, prLockStep, ...(command === 'apply' ? [applyStep] : [])]
  const summary = await executeRun({
    deployments: [d], graph: new Map([[d.id, new Set<string>()]]), levels: [[d.id]], settings, binary: { path: 'tofu', name: 'opentofu', version: '1' },
    exec, store: { ...localStateStore(join(dir, 'state')), objects }, observers: extra.observers ?? [], onObserverError: (_n, e) => { throw e }, steps, cancel: new AbortController().signal
  })
  return summary.deployments[0] as DeploymentResult
}

it('the pipeline checks the pull request lock after the policy gate and before the plan is stored or applied', () => {
  const phases = pipelineFor({ command: 'apply', review: pr(1, 'apply-reviewed') }).map((s) => s.phase)
  // Applying: after the gate and the verified backup (an unreachable store refuses with the backup's reason), right before apply.
  expect(phases.indexOf('pr-lock')).toBeGreaterThan(phases.indexOf('policy'))
  expect(phases.indexOf('pr-lock')).toBe(phases.indexOf('apply') - 1)
  expect(phases.indexOf('pr-lock')).toBeLessThan(phases.indexOf('apply'))
  const plan = pipelineFor({ command: 'plan', review: pr(1) }).map((s) => s.phase)
  expect(plan.slice(plan.indexOf('policy'))).toEqual(['policy', 'pr-lock', 'store-plan'])
})

describe.each<[string, () => ObjectStore]>([
  ['local store', () => localObjectStore(join(tmp.dir, 'stores', String(++count)))],
  ['S3 (MinIO)', () => s3ObjectStore((minio as Minio).client, { bucket: 'pr-locks', prefix: `${++count}/`, encryption: { kind: 'AES256' } })]
])('two pull requests planning one deployment (%s)', (_name, storeOf) => {
  it('the second is told who holds the lock, a plain apply is refused, closing the first frees it', async () => {
    const store = storeOf()
    const first = await run(store, 'pr1-plan', 'plan', pr(1), fake().exec)
    expect(first).toMatchObject({ status: 'succeeded', lock: { released: true, pullRequestLock: { key: prLockKey(d.id) } } })
    // Held after the run ended (its own run lock is gone).
    expect(await readPrLock(store, d.id)).toMatchObject({ kind: 'pull-request', owner: { repository: 'acme/infra', pullRequest: 1, runId: 'pr1-plan', headSha: 'abc1def0' } })
    expect(await store.get(runLockKey(d.id))).toBeUndefined()

    const second = await run(store, 'pr2-plan', 'plan', pr(2), fake().exec)
    expect(second.status).toBe('blocked')
    expect(second.error).toMatch(/^locked by acme\/infra#1 \(run pr1-plan, since \S+, expires \S+\)/)
    expect(second.lock?.heldBy).toMatchObject({ repository: 'acme/infra', pullRequest: 1, runId: 'pr1-plan', since: first.lock?.pullRequestLock?.acquiredAt })

    // The holder planning again renews its lock; `since` stays.
    const again = await run(store, 'pr1-plan-2', 'plan', pr(1), fake().exec)
    expect(again.lock?.pullRequestLock).toMatchObject({ renewed: true, acquiredAt: first.lock?.pullRequestLock?.acquiredAt })
    expect((await readPrLock(store, d.id))?.owner.runId).toBe('pr1-plan-2')

    const plain = fake()
    const refused = await run(store, 'main-apply', 'apply', undefined, plain.exec)
    expect(refused).toMatchObject({ status: 'blocked', error: expect.stringMatching(/^locked by acme\/infra#1 .*a plain apply is refused/) })
    expect(plain.calls).not.toContain('apply')

    expect((await releasePrLocks(store, 'acme/infra', 1)).map((l) => l.deployment)).toEqual([d.id])
    const retried = await run(store, 'pr2-plan-2', 'plan', pr(2), fake().exec)
    expect(retried.status).toBe('succeeded')
    expect((await readPrLock(store, d.id))?.owner).toMatchObject({ pullRequest: 2 })
  }, 60_000)
})

describe('expiry, apply on merge and release (local store)', () => {
  const objects = localObjectStore(join(tmp.dir, '.tf-orchestrator', 'state'))

  it('an expired lock of another pull request is taken over, and the takeover is in the audit record', async () => {
    const old = { runId: 'pr1-old', host: 'runner-gone', pid: 1, repository: 'acme/infra', pullRequest: 1 }
    await objects.put(prLockKey(d.id), JSON.stringify(newRunLock(d.id, old, new Date(Date.now() - 8 * 86_400_000), 7 * 86_400_000, { kind: 'pull-request' })))
    const audit = localObjectStore(join(tmp.dir, 'audit'))
    const warnings: string[] = []
    const taken = await run(objects, 'pr2-take', 'plan', pr(2), fake().exec, { observers: [auditObserver({ store: audit, warn: (w) => warnings.push(w), phaseOutputs: async () => ({}) })] })
    expect(taken.status).toBe('succeeded')
    expect(taken.lock?.takenOverFrom).toMatchObject({ key: prLockKey(d.id), reason: 'expired', owner: old })
    expect(warnings).toEqual([])
    const records = await Promise.all((await audit.list('')).map(async (o) => new TextDecoder().decode(await audit.get(o.key))))
    const runRecord = records.map((t) => JSON.parse(t) as { kind?: string; summary?: { deployments: DeploymentResult[] } }).find((r) => r.kind === 'run')
    expect(runRecord?.summary?.deployments[0]?.lock?.takenOverFrom).toMatchObject({ reason: 'expired', owner: { pullRequest: 1, runId: 'pr1-old' } })
  })

  it('the holder\'s apply --review keeps the lock while it fails and releases it once it succeeded', async () => {
    const failed = await run(objects, 'pr2-merge-1', 'apply', pr(2, 'apply-reviewed'), fake({ applyFails: true }).exec)
    expect(failed.status).toBe('failed')
    expect(await readPrLock(objects, d.id)).toBeDefined()
    const other = await run(objects, 'pr3-merge', 'apply', pr(3, 'apply-reviewed'), fake().exec)
    expect(other).toMatchObject({ status: 'blocked', error: expect.stringMatching(/^locked by acme\/infra#2 .*cannot apply another pull request's plan/) })
    const merged = await run(objects, 'pr2-merge-2', 'apply', pr(2, 'apply-reviewed'), fake().exec)
    expect(merged).toMatchObject({ status: 'succeeded', applied: true, lock: { pullRequestLock: { released: true } } })
    expect(await readPrLock(objects, d.id)).toBeUndefined()
  })

  it('a plan without changes takes no lock and lets go of its own', async () => {
    await run(objects, 'pr4-plan', 'plan', pr(4), fake().exec)
    expect((await readPrLock(objects, d.id))?.owner.pullRequest).toBe(4)
    const none = await run(objects, 'pr4-plan-2', 'plan', pr(4), fake({ changes: false }).exec)
    expect(none.lock?.pullRequestLock).toMatchObject({ released: true })
    expect(await readPrLock(objects, d.id)).toBeUndefined()
  })

  it('locks list shows a pull request\'s locks; locks release --pull-request releases them only with --yes', async () => {
    const other = { ...d, id: 'db/acct/east/proj', stateKey: 'db/acct/east/proj/terraform.tfstate' }
    const owner = { runId: 'pr5-plan', host: 'ci', pid: 1, repository: 'acme/infra', pullRequest: 5 }
    for (const id of [d.id, other.id]) await objects.put(prLockKey(id), JSON.stringify(newRunLock(id, owner, new Date(), 86_400_000, { kind: 'pull-request' })))
    const printed = { out: '', err: '', code: 0 }
    const locks = (...args: string[]) =>
      locksCommand({ output: { out: (t) => void (printed.out += `${t}\n`), err: (t) => void (printed.err += `${t}\n`) }, env: readEnvironment({}), setExitCode: (c) => void (printed.code = c) })
        .parseAsync([args[0] as string, '-w', tmp.dir, ...args.slice(1)], { from: 'user' })
    await locks('list')
    expect(printed.out).toMatch(/app\/acct\/east\/proj +run pr5-plan \(pid 1 on ci, acme\/infra#5\) .* held +pull request/)
    await locks('release', '--pull-request', 'acme/infra#5')
    expect(printed).toMatchObject({ code: 2, err: expect.stringContaining('add --yes to release the 2 deployment lock(s) of acme/infra#5') })
    expect(await readPrLock(objects, d.id)).toBeDefined()
    printed.code = 0
    await locks('release', '--pull-request', 'acme/infra#5', '--yes')
    expect(printed.code).toBe(0)
    expect(printed.out).toContain('released 2 deployment lock(s) of acme/infra#5')
    expect(await readPrLock(objects, d.id)).toBeUndefined()
    expect(await readPrLock(objects, other.id)).toBeUndefined()
    expect(await releasePullRequestLocks({ workingDir: tmp.dir, pullRequest: { repository: 'acme/infra', pullRequest: 5 } })).toMatchObject({ released: [] })
    // `locks release <deployment> --yes` lets go of a pull request's lock too.
    await objects.put(prLockKey(d.id), JSON.stringify(newRunLock(d.id, owner, new Date(), 86_400_000, { kind: 'pull-request' })))
    await locks('release', d.id, '--yes')
    expect(printed.out).toContain(`released ${prLockKey(d.id)}, held by acme/infra#5 (run pr5-plan`)
    expect(await readPrLock(objects, d.id)).toBeUndefined()
  })
})
