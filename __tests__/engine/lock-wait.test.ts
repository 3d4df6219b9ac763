import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { executeRun } from '../../src/engine/execute-run.js'
import { applyStep } from '../../src/engine/steps/apply-step.js'
import { initStep } from '../../src/engine/steps/init-step.js'
import { planStep } from '../../src/engine/steps/plan-step.js'
import { showStep } from '../../src/engine/steps/show-step.js'
import type { RunSettings } from '../../src/engine/run-settings.js'
import { runLockStep } from '../../src/engine/steps/run-lock-step.js'
import { stateCheckStep } from '../../src/engine/steps/state-check-step.js'
import { hostName } from '../../src/locks/io/processes.js'
import { newRunLock, runLockKey } from '../../src/locks/run-lock.js'
import type { SelectedDeployment } from '../../src/model/deployment.js'
import type { RunSummary } from '../../src/model/run-result.js'
import { localStateStore } from '../../src/state/io/local-state-store.js'
import type { CommandResult, Executor } from '../../src/terraform/io/executor.js'
import { tempDir } from '../helpers/temp-dir.js'

const d: SelectedDeployment = {
  id: 'app/acct/east/proj', name: 'proj', layout: 'stacks', account: 'acct', region: 'east', project: 'proj', services: ['app'],
  stateKey: 'app/acct/east/proj/terraform.tfstate', rootDir: '.', source: 'main.tf', reasons: [{ kind: 'all', text: 'all' }]
}
const result = (exitCode: number, stdout = ''): CommandResult => ({ exitCode, stdout, stderr: '', output: stdout, interrupted: false, durationMs: 1 })

/**
 * A fake binary over one shared "cloud": plan has changes until an apply made
 * them (apply takes `applyMs`), so a run that plans after another applied sees none.
 */
function world(applyMs: number) {
  let applied = false
  const calls: string[] = []
  const execFor = (run: string): Executor => async (_tool, args, options) => {
    calls.push(`${run} ${args[0]}`)
    if (args[0] === 'plan') return result(applied ? 0 : 2)
    if (args[0] === 'show') return result(0, JSON.stringify({ resource_changes: [{ address: 'terraform_data.x', change: { actions: applied ? ['no-op'] : ['create'] } }] }))
    if (args[0] === 'apply') {
      await sleep(applyMs, undefined, { signal: options.signal }).catch(() => undefined)
      applied = true
      calls.push(`${run} apply done`)
    }
    return result(0)
  }
  return { calls, execFor }
}

const tmp = tempDir()
afterAll(() => tmp.cleanup())
let count = 0

function runner(extra: Partial<RunSettings> = {}) {
  const dir = join(tmp.dir, String(++count))
  const store = localStateStore(join(dir, 'state'))
  const start = (runId: string, exec: Executor, over: Partial<RunSettings> = {}, cancel = new AbortController().signal): Promise<RunSummary> => {
    const settings: RunSettings = {
      command: 'apply', destroy: false, workingDir: dir, binary: 'tofu', opaBinary: 'opa', workers: 1, timeoutMs: 60_000, graceMs: 100,
      retry: { maxAttempts: 1, initialDelayMs: 1, patterns: [] }, throttle: { windowMs: 0 }, workDir: join(dir, 'work'), runDir: join(dir, 'runs', runId),
      runId, pluginCacheDir: join(dir, 'cache'), historyFile: join(dir, 'history.json'), debug: false, noColor: true, strategy: 'dag', env: {},
      lockPollMs: 25, ...extra, ...over
    }
    return executeRun({
      deployments: [d], graph: new Map([[d.id, new Set<string>()]]), levels: [[d.id]], settings, binary: { path: 'tofu', name: 'opentofu', version: '1' },
      exec, store, observers: [], onObserverError: (_n, e) => { throw e }, steps: [runLockStep, stateCheckStep, initStep, planStep, showStep, applyStep], cancel
    })
  }
  const lockFile = join(dir, 'state', ...runLockKey(d.id).split('/'))
  return { dir, store, start, lockFile, untilLocked: async () => {
      for (let i = 0; i < 500 && !existsSync(lockFile); i++) await sleep(10)
      expect(existsSync(lockFile)).toBe(true)
    }
  }
}

describe('two runs of one deployment at once (shared store, fake binary)', () => {
  it('the second waits for the first run lock, then plans from the fresh state', async () => {
    const { calls, execFor } = world(400)
    const r = runner()
    const first = r.start('run-a', execFor('a'))
    await r.untilLocked()
    const second = r.start('run-b', execFor('b'))
    const [a, b] = [(await first).deployments[0], (await second).deployments[0]]
    expect(a).toMatchObject({ status: 'succeeded', applied: true, lock: { released: true } })
    expect(b).toMatchObject({ status: 'succeeded', hasChanges: false, lock: { released: true } })
    expect(b?.applied).toBeUndefined()
    expect(b?.lock?.waitedMs).toBeGreaterThanOrEqual(300)
    // b did nothing (not even init, which shares the data dir) until a had applied.
    expect(calls.indexOf('b init')).toBeGreaterThan(calls.indexOf('a apply done'))
    expect(existsSync(r.lockFile)).toBe(false)
  })

  it('the second fails cleanly after lock_timeout, naming the holder; the first is not disturbed', async () => {
    const { calls, execFor } = world(1500)
    const r = runner()
    const first = r.start('run-a', execFor('a'))
    await r.untilLocked()
    const [b] = (await r.start('run-b', execFor('b'), { lockTimeoutMs: 300 })).deployments
    expect(b).toMatchObject({ status: 'failed', error: expect.stringMatching(new RegExp(`is locked by run run-a \\(pid ${process.pid} on ${hostName()}\\) since `)) })
    expect(calls.filter((c) => c.startsWith('b '))).toEqual([])
    expect((await first).deployments[0]).toMatchObject({ status: 'succeeded', applied: true })
  })

  it('a cancelled run stops waiting for the lock', async () => {
    const { execFor } = world(3000)
    const r = runner()
    const first = r.start('run-a', execFor('a'))
    await r.untilLocked()
    const cancel = new AbortController()
    const waiting = r.start('run-b', execFor('b'), {}, cancel.signal)
    setTimeout(() => cancel.abort(), 200)
    const started = Date.now()
    expect((await waiting).deployments[0]?.status).toBe('cancelled')
    expect(Date.now() - started).toBeLessThan(1500)
    await first
  })

  it('a lock whose process is gone, or that expired, is taken over and the takeover reported', async () => {
    const { execFor } = world(0)
    const r = runner()
    const dead = { runId: 'killed-run', host: hostName(), pid: spawnSync('true').pid as number }
    mkdirSync(join(r.lockFile, '..'), { recursive: true })
    writeFileSync(r.lockFile, JSON.stringify(newRunLock(d.id, dead, new Date(), 3_600_000)))
    const [taken] = (await r.start('run-c', execFor('c'))).deployments
    expect(taken?.error).toBeUndefined()
    expect(taken).toMatchObject({ status: 'succeeded', lock: { released: true, takenOverFrom: { reason: 'holder-gone', owner: dead } } })
    const elsewhere = { runId: 'lost-runner', host: 'runner-elsewhere', pid: 1 }
    writeFileSync(r.lockFile, JSON.stringify(newRunLock(d.id, elsewhere, new Date(Date.now() - 7_200_000), 3_600_000)))
    const [expired] = (await r.start('run-d', execFor('d'))).deployments
    expect(expired?.lock?.takenOverFrom).toMatchObject({ reason: 'expired', owner: elsewhere })
  })

  it('an empty state that had backups is refused before anything runs, not read as "no resources"', async () => {
    const { calls, execFor } = world(0)
    const r = runner()
    const state = join(r.dir, 'state', ...d.stateKey.split('/'))
    mkdirSync(join(state, '..'), { recursive: true })
    writeFileSync(state, '')
    // Empty and never backed up: a first apply killed before it wrote anything, which OpenTofu reads as new.
    expect((await r.start('run-e', execFor('e'))).deployments[0]?.status).toBe('succeeded')
    writeFileSync(state, '')
    const backup = join(r.dir, 'state', 'backups', ...`${d.stateKey}.20260101T000000Z.backup`.split('/'))
    mkdirSync(join(backup, '..'), { recursive: true })
    writeFileSync(backup, '{"version":4,"serial":1,"resources":[]}')
    const [broken] = (await r.start('run-f', execFor('f'))).deployments
    expect(broken).toMatchObject({ status: 'failed', error: expect.stringMatching(/terraform\.tfstate is unusable: it is empty \(0 bytes\)\. .*put back its newest backup/) })
    expect(calls.filter((c) => c.startsWith('f '))).toEqual([])
    expect(calls.filter((c) => c.startsWith('e '))).not.toEqual([])
    expect(existsSync(r.lockFile)).toBe(false)
  })
})
