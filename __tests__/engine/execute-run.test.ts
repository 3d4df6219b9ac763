import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { existsSync, readFileSync } from 'node:fs'
import { executeRun } from '../../src/engine/execute-run.js'
import { historyObserver } from '../../src/engine/observers/history-observer.js'
import { summaryFileObserver } from '../../src/engine/observers/summary-file-observer.js'
import { pipelineFor } from '../../src/engine/pipeline.js'
import type { RunObserver } from '../../src/engine/run-observer.js'
import type { RunSettings } from '../../src/engine/run-settings.js'
import { localStateStore } from '../../src/state/io/local-state-store.js'
import type { CommandResult, Executor } from '../../src/terraform/io/executor.js'
import { iam, kms, s3, threeGraph } from '../helpers/deployments.js'

const graph = threeGraph()
const levels = [[iam.id, kms.id], [s3.id]]
const changes = { resource_changes: [{ address: 'terraform_data.x', change: { actions: ['create'] } }] }
const ok = (stdout = '', exitCode = 0): CommandResult => ({ exitCode, stdout, stderr: '', output: stdout, interrupted: false, durationMs: 1 })

function settings(dir: string, overrides: Partial<RunSettings> = {}): RunSettings {
  return {
    command: 'apply', destroy: false, workingDir: dir, binary: 'tofu', opaBinary: 'opa', workers: 2, timeoutMs: 60_000, graceMs: 100,
    retry: { maxAttempts: 1, initialDelayMs: 1, patterns: [] }, throttle: { windowMs: 0 }, workDir: join(dir, 'work'), runDir: join(dir, 'run'),
    runId: 'test', pluginCacheDir: join(dir, 'cache'), historyFile: join(dir, 'history.json'), debug: false, noColor: true, strategy: 'dag', env: {},
    ...overrides
  }
}

/** A fake binary: every command succeeds with changes, except where `fail` says otherwise. */
function fakeExec(fail: (id: string, command: string) => boolean = () => false): { exec: Executor; calls: string[] } {
  const calls: string[] = []
  const exec: Executor = async (_tool, args, options) => {
    const id = (options.env.TF_DATA_DIR as string).split('/work/')[1] as string
    calls.push(`${id} ${args[0]}`)
    if (fail(id, args[0] as string)) return { ...ok('╷\n│ Error: boom\n╵', 1) }
    if (args[0] === 'plan') return ok('', 2)
    if (args[0] === 'show') return ok(JSON.stringify(changes))
    return ok()
  }
  return { exec, calls }
}

/** Records every event as one line. */
function recorder(): { observer: RunObserver; events: string[] } {
  const events: string[] = []
  return {
    events,
    observer: {
      name: 'recorder',
      runStarted: (run) => void events.push(`run started ${run.deployments.length}`),
      deploymentStarted: (d) => void events.push(`${d.id} started`),
      phaseFinished: (phase, r) => void events.push(`${r.id} ${phase}`),
      deploymentFinished: (r) => void events.push(`${r.id} ${r.status}`),
      runFinished: (s) => void events.push(`run finished ${s.totals.succeeded}/${s.totals.deployments}`)
    }
  }
}

describe('executeRun with a fake binary', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tforch-exec-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const run = (s: RunSettings, exec: Executor, observers: RunObserver[], onObserverError: (name: string, e: unknown) => void = () => undefined) =>
    executeRun({
      deployments: [kms, s3, iam], graph, levels, settings: s, binary: { path: 'tofu', name: 'opentofu', version: '1.11.6' },
      exec, store: localStateStore(join(dir, 'state')), observers, onObserverError, cancel: new AbortController().signal
    })

  it('composes the steps from the run settings: plan, apply and destroy', () => {
    const review = pipelineFor({ command: 'plan' }).map((s) => s.phase)
    expect(review.filter((p) => ['init', 'plan', 'show', 'policy'].includes(p))).toEqual(['init', 'plan', 'show', 'policy'])
    expect(review).not.toContain('apply')
    expect(review).not.toContain('backup')
    const apply = pipelineFor({ command: 'apply' }).map((s) => s.phase)
    // apply plans exactly as plan does, up to the policy gate.
    expect(apply.slice(0, review.indexOf('policy') + 1)).toEqual(review.slice(0, review.indexOf('policy') + 1))
    // The state is backed up right before apply: only the pull-request lock check sits between them.
    expect(apply.slice(apply.indexOf('backup'), apply.indexOf('apply') + 1)).toEqual(['backup', 'pr-lock', 'apply'])
  })

  it('plan runs init, plan and show and never applies', async () => {
    const { exec, calls } = fakeExec()
    const summary = await run(settings(dir, { command: 'plan', workers: 1 }), exec, [])
    expect(summary.totals).toMatchObject({ succeeded: 3, created: 3 })
    expect(calls.filter((c) => c.startsWith(kms.id)).map((c) => c.split(' ')[1])).toEqual(['init', 'plan', 'show'])
  })

  it('destroy plans with -destroy and runs dependents first', async () => {
    const order: string[] = []
    const exec: Executor = async (tool, args, options) => {
      if (args[0] === 'plan') order.push(`${(options.env.TF_DATA_DIR as string).split('/work/')[1]} ${args.includes('-destroy') ? 'destroy' : 'create'}`)
      return fakeExec().exec(tool, args, options)
    }
    const summary = await run(settings(dir, { destroy: true, workers: 1 }), exec, [])
    expect(summary.executionLevels).toEqual([[s3.id], [iam.id, kms.id]])
    expect(order.indexOf(`${s3.id} destroy`)).toBeLessThan(order.indexOf(`${kms.id} destroy`))
    expect(order.every((o) => o.endsWith('destroy'))).toBe(true)
  })

  it('observers receive the events in order; a failing step ends that deployment and skips its dependents only', async () => {
    const { exec, calls } = fakeExec((id, command) => id === kms.id && command === 'plan')
    const { observer, events } = recorder()
    const summary = await run(settings(dir, { workers: 1 }), exec, [observer])
    expect(calls.filter((c) => c.startsWith(kms.id)).map((c) => c.split(' ')[1])).toEqual(['init', 'plan'])
    expect(summary.deployments.find((d) => d.id === kms.id)).toMatchObject({ status: 'failed', error: 'plan failed (exit 1): Error: boom' })
    expect(summary.deployments.find((d) => d.id === s3.id)).toMatchObject({ status: 'skipped', skippedBecause: kms.id })
    expect(events[0]).toBe('run started 3')
    expect(events[events.length - 1]).toBe('run finished 1/3')
    // Per deployment: started, its phases in pipeline order, finished.
    // No policy gate here, so no policy event; every other step of the pipeline, in order.
    const phases = pipelineFor({ command: 'apply' }).map((s) => s.phase)
    const iamEvents = events.filter((e) => e.startsWith(iam.id)).map((e) => e.slice(iam.id.length + 1))
    expect(iamEvents[0]).toBe('started')
    expect(iamEvents[iamEvents.length - 1]).toBe('succeeded')
    const iamPhases = iamEvents.slice(1, -1)
    expect(iamPhases.map((p) => phases.indexOf(p))).toEqual([...iamPhases.map((p) => phases.indexOf(p))].sort((a, b) => a - b))
    expect(iamPhases).toEqual(expect.arrayContaining(['init', 'plan', 'show', 'backup', 'apply']))
    const kmsEvents = events.filter((e) => e.startsWith(kms.id))
    expect(kmsEvents[kmsEvents.length - 1]).toBe(`${kms.id} failed`)
    expect(kmsEvents).toContain(`${kms.id} init`)
    expect(kmsEvents.some((e) => /(plan|show|apply)$/.test(e))).toBe(false)
    expect(events.filter((e) => e.startsWith(s3.id))).toEqual([`${s3.id} skipped`])
    expect(events.indexOf(`${s3.id} skipped`)).toBeGreaterThan(events.indexOf(`${kms.id} failed`))
  })

  it('an observer that throws is reported and neither stops the run nor the other observers', async () => {
    const { observer, events } = recorder()
    const broken: RunObserver = { name: 'broken', deploymentFinished: () => { throw new Error('disk full') } }
    const errors: string[] = []
    const summary = await run(settings(dir), fakeExec().exec, [broken, observer], (name, e) => void errors.push(`${name}: ${(e as Error).message}`))
    expect(summary.totals.succeeded).toBe(3)
    expect(errors).toEqual(['broken: disk full', 'broken: disk full', 'broken: disk full'])
    expect(events.filter((e) => e.endsWith('succeeded'))).toHaveLength(3)
  })

  it('an observer that rejects is reported; the observers after it still get every event, in order', async () => {
    const first = recorder()
    const last = recorder()
    const slow: RunObserver = {
      name: 'slow',
      phaseFinished: () => new Promise<void>((resolve) => setTimeout(resolve, 1)),
      deploymentFinished: async () => {
        throw new Error('store down')
      }
    }
    const errors: string[] = []
    await run(settings(dir), fakeExec().exec, [first.observer, slow, last.observer], (name, e) => void errors.push(`${name}: ${(e as Error).message}`))
    expect(errors).toEqual(['slow: store down', 'slow: store down', 'slow: store down'])
    expect(last.events).toEqual(first.events)
    expect(last.events.at(-1)).toBe('run finished 3/3')
  })

  it('a slow observer does not hold the workers at each phase; every phase event still carries the result as it was then', async () => {
    const seen: string[] = []
    const slow: RunObserver = { name: 'slow', phaseFinished: () => new Promise<void>((resolve) => setTimeout(resolve, 5)) }
    const phases: RunObserver = { name: 'phases', phaseFinished: (phase, r) => void (r.id === kms.id && seen.push(`${phase}: ${Object.keys(r.phases).join(',')}`)) }
    await run(settings(dir), fakeExec().exec, [slow, phases])
    // Each event lists exactly the phases finished by then (the lock phases included), none from later.
    const names = seen.map((line) => line.split(':')[0])
    seen.forEach((line, i) => expect(line).toBe(`${names[i]}: ${names.slice(0, i + 1).join(',')}`))
    expect(seen.map((line) => line.split(':')[0])).toEqual(expect.arrayContaining(['init', 'plan', 'show', 'apply']))
  })

  it('an unexpected error inside one deployment fails it with the real cause; the others run', async () => {
    // A file where the deployment's work folder must go.
    mkdirSync(join(dir, 'work', 'kms', 'acct', 'us-east-1'), { recursive: true })
    writeFileSync(join(dir, 'work', 'kms', 'acct', 'us-east-1', 'keys'), 'not a folder')
    const started = Date.now()
    const summary = await run(settings(dir), fakeExec().exec, [])
    expect(summary.deployments.find((d) => d.id === kms.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^unexpected error: .*(EEXIST|ENOTDIR).*keys/) })
    expect(summary.deployments.find((d) => d.id === iam.id)?.status).toBe('succeeded')
    expect(summary.deployments.find((d) => d.id === s3.id)?.status).toBe('skipped')
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('a history file that is a folder is reported; the summary is still written', async () => {
    const s = settings(dir)
    mkdirSync(s.historyFile, { recursive: true })
    const errors: string[] = []
    const summary = await run(s, fakeExec().exec, [historyObserver(s.historyFile, {}), summaryFileObserver(s.runDir)], (name, e) => void errors.push(`${name}: ${(e as Error).message}`))
    expect(errors).toEqual([expect.stringMatching(/^duration-history: .*history\.json/)])
    expect(existsSync(join(s.runDir, 'summary.json'))).toBe(true)
    expect(JSON.parse(readFileSync(join(s.runDir, 'summary.json'), 'utf8')).totals).toEqual(summary.totals)
  })
})
