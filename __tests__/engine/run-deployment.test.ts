import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SelectedDeployment } from '../../src/model/deployment.js'
import { decideVerdict } from '../../src/policy/verdict.js'
import { InitGate } from '../../src/engine/init-gate.js'
import { pipelineFor } from '../../src/engine/pipeline.js'
import { runDeployment } from '../../src/engine/run-deployment.js'
import type { RunSettings } from '../../src/engine/run-settings.js'
import { localStateStore } from '../../src/state/io/local-state-store.js'
import type { CommandResult, Executor } from '../../src/terraform/io/executor.js'

const deployment: SelectedDeployment = {
  id: 's3/acct/us-east-1/proj',
  name: 'acct/us-east-1/proj',
  layout: 'tfvars',
  account: 'acct',
  region: 'us-east-1',
  project: 'proj',
  services: ['s3'],
  stateKey: 's3/acct/us-east-1/proj/terraform.tfstate',
  rootDir: '.',
  varFile: 'deployments/proj/proj.tfvars',
  source: 'deployments/proj/proj.tfvars',
  reasons: [{ kind: 'all', text: 'all' }]
}

const plan = { resource_changes: [{ change: { actions: ['create'] } }] }
const ok = (stdout = ''): CommandResult => ({ exitCode: 0, stdout, stderr: '', output: stdout, interrupted: false, durationMs: 1 })

function settings(dir: string, overrides: Partial<RunSettings> = {}): RunSettings {
  return {
    command: 'apply',
    destroy: false,
    workingDir: dir,
    binary: 'tofu',
    opaBinary: 'opa',
    workers: 1,
    timeoutMs: 60_000,
    graceMs: 100,
    retry: { maxAttempts: 3, initialDelayMs: 1, patterns: ['Throttling'] },
    throttle: { windowMs: 0 },
    workDir: join(dir, 'work'),
    runDir: join(dir, 'run'),
    runId: 'test',
    pluginCacheDir: join(dir, 'cache'),
    historyFile: join(dir, 'history.json'),
    debug: false,
    noColor: true,
    strategy: 'dag',
    env: {},
    ...overrides
  }
}

/** A fake binary: records every call and answers from a script. */
function fakeExec(answer: (args: readonly string[], call: number) => CommandResult): { exec: Executor; calls: string[][] } {
  const calls: string[][] = []
  const exec: Executor = async (_tool, args) => {
    calls.push([...args])
    return answer(args, calls.length)
  }
  return { exec, calls }
}

describe('one deployment pipeline (fake binary)', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tforch-run-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const context = (exec: Executor, s = settings(dir)) => ({
    settings: s,
    steps: pipelineFor(s),
    exec,
    store: localStateStore(join(dir, 'state')),
    initGate: new InitGate(),
    cancel: new AbortController().signal,
    workerId: 1,
    onPhase: () => undefined
  })

  it('inits with the state key, plans to a file, applies exactly that file', async () => {
    const { exec, calls } = fakeExec((args) => (args[0] === 'plan' ? { ...ok(), exitCode: 2 } : args[0] === 'show' ? ok(JSON.stringify(plan)) : ok()))
    const result = await runDeployment(deployment, context(exec))
    expect(result).toMatchObject({ status: 'succeeded', applied: true, counts: { create: 1 } })
    const [initArgs, planArgs, showArgs, applyArgs] = calls
    expect(initArgs).toEqual(['init', '-input=false', '-no-color', '-reconfigure', `-backend-config=path=${join(dir, 'state/s3/acct/us-east-1/proj/terraform.tfstate')}`])
    const planFile = join(dir, 'run/plans/s3/acct/us-east-1/proj/plan.tfplan')
    expect(planArgs).toEqual(expect.arrayContaining(['plan', '-detailed-exitcode', `-out=${planFile}`, `-var-file=${join(dir, 'deployments/proj/proj.tfvars')}`]))
    expect(showArgs).toEqual(['show', '-json', '-no-color', planFile])
    expect(applyArgs).toEqual(['apply', '-input=false', '-no-color', '-lock-timeout=60s', planFile])
  })

  it('neither shows, judges nor applies a plan without changes, and records the skips', async () => {
    const { exec, calls } = fakeExec(() => ok())
    const judged: unknown[] = []
    const policyGate = async (_d: unknown, json: unknown) => {
      judged.push(json)
      return { allowed: true, summary: '', details: decideVerdict({ deploymentId: deployment.id, mode: 'enforce', deny: [], warn: [], waivers: [], today: '2026-01-01' }) }
    }
    const result = await runDeployment(deployment, { ...context(exec), policyGate })
    expect(result).toMatchObject({ status: 'succeeded', hasChanges: false, counts: { create: 0, update: 0, delete: 0, replace: 0 } })
    expect(calls.map((c) => c[0])).toEqual(['init', 'plan'])
    expect(judged).toEqual([])
    expect(result.phases.show).toMatchObject({ skipped: true, attempts: 1 })
    expect(result.phases.policy).toMatchObject({ skipped: true, attempts: 1 })
    expect(result.attempts).toBe(2)
    expect(result.policy).toBeUndefined()
    expect(result.planJsonFile).toBeUndefined()
  })

  it('still shows and judges a plan whose only changes are outputs (exit 2)', async () => {
    const outputsOnly = { resource_changes: [], output_changes: { url: { actions: ['create'] } } }
    const { exec, calls } = fakeExec((args) => (args[0] === 'plan' ? { ...ok(), exitCode: 2 } : args[0] === 'show' ? ok(JSON.stringify(outputsOnly)) : ok()))
    const judged: unknown[] = []
    const policyGate = async (_d: unknown, json: unknown) => {
      judged.push(json)
      return { allowed: true, summary: '', details: decideVerdict({ deploymentId: deployment.id, mode: 'enforce', deny: [], warn: [], waivers: [], today: '2026-01-01' }) }
    }
    const result = await runDeployment(deployment, { ...context(exec), policyGate })
    expect(calls.map((c) => c[0])).toEqual(['init', 'plan', 'show', 'apply'])
    expect(judged).toEqual([outputsOnly])
    expect(result.phases.show?.skipped).toBeUndefined()
    expect(result.phases.policy?.skipped).toBeUndefined()
  })

  it('without a policy gate or review, shows the plan beside apply and still records its JSON and counts', async () => {
    const events: string[] = []
    let applied!: () => void
    const applyStarted = new Promise<void>((resolve) => (applied = resolve))
    const exec: Executor = async (_tool, args, options) => {
      events.push(`${args[0]} started${options.background ? ' in the background' : ''}`)
      if (args[0] === 'plan') return { ...ok(), exitCode: 2 }
      // show ends only once apply has started: run one after the other, this would time out.
      if (args[0] === 'show') await applyStarted
      if (args[0] === 'apply') applied()
      events.push(`${args[0]} ended`)
      return args[0] === 'show' ? ok(JSON.stringify(plan)) : ok()
    }
    const result = await runDeployment(deployment, context(exec))
    expect(result).toMatchObject({ status: 'succeeded', applied: true, hasChanges: true, counts: { create: 1 } })
    expect(events.indexOf('apply started')).toBeLessThan(events.indexOf('show ended'))
    // Nothing waits for it: it runs at a lower CPU priority than the commands of other deployments.
    expect(events.filter((e) => e.endsWith('in the background'))).toEqual(['show started in the background'])
    expect(JSON.parse(readFileSync(result.planJsonFile as string, 'utf8'))).toEqual(plan)
    expect(result.phases.show?.exitCode).toBe(0)
  })

  it('fails a deployment whose show beside apply failed, saying the plan was applied', async () => {
    const { exec } = fakeExec((args) => (args[0] === 'plan' ? { ...ok(), exitCode: 2 } : args[0] === 'show' ? { ...ok(), exitCode: 1, output: 'Error: boom' } : ok()))
    const result = await runDeployment(deployment, context(exec))
    expect(result).toMatchObject({ status: 'failed', applied: true })
    expect(result.error).toMatch(/show failed \(exit 1\): Error: boom \(the plan was applied\)/)
  })

  it('with a policy gate, shows and judges the plan before apply starts', async () => {
    const events: string[] = []
    const exec: Executor = async (_tool, args, options) => {
      events.push(`${args[0]} started${options.background ? ' in the background' : ''}`)
      await new Promise((r) => setTimeout(r, 5))
      events.push(`${args[0]} ended`)
      return args[0] === 'plan' ? { ...ok(), exitCode: 2 } : args[0] === 'show' ? ok(JSON.stringify(plan)) : ok()
    }
    const policyGate = async () => {
      events.push('judged')
      return { allowed: true, summary: '', details: decideVerdict({ deploymentId: deployment.id, mode: 'enforce', deny: [], warn: [], waivers: [], today: '2026-01-01' }) }
    }
    const result = await runDeployment(deployment, { ...context(exec), policyGate })
    expect(result.status).toBe('succeeded')
    expect(events.slice(events.indexOf('show started'))).toEqual(['show started', 'show ended', 'judged', 'apply started', 'apply ended'])
  })

  it('retries a phase whose error matches a pattern, recording the attempts', async () => {
    const { exec } = fakeExec((args, n) => {
      if (args[0] === 'plan' && n === 2) return { ...ok(), exitCode: 1, output: 'Error: Throttling: Rate exceeded' }
      if (args[0] === 'show') return ok(JSON.stringify(plan))
      return args[0] === 'plan' ? { ...ok(), exitCode: 2 } : ok()
    })
    const result = await runDeployment(deployment, context(exec))
    expect(result.status).toBe('succeeded')
    expect(result.phases.plan?.attempts).toBe(2)
    expect(result.retries).toEqual([{ phase: 'plan', attempt: 1, matched: 'Throttling', delayMs: expect.any(Number) }])
  })

  it('does not retry other errors, and names the error line', async () => {
    const { exec, calls } = fakeExec((args) =>
      args[0] === 'plan' ? { ...ok(), exitCode: 1, output: '╷\n│ Error: Invalid reference\n│ \n│ on main.tf line 3\n╵\n' } : ok()
    )
    const result = await runDeployment(deployment, context(exec))
    expect(result).toMatchObject({ status: 'failed', error: 'plan failed (exit 1): Error: Invalid reference' })
    expect(calls.filter((c) => c[0] === 'plan')).toHaveLength(1)
  })

  it('blocks apply when the policy gate says no', async () => {
    const { exec, calls } = fakeExec((args) => (args[0] === 'plan' ? { ...ok(), exitCode: 2 } : args[0] === 'show' ? ok(JSON.stringify(plan)) : ok()))
    const details = decideVerdict({ deploymentId: deployment.id, mode: 'enforce', deny: ['no'], warn: [], waivers: [], today: '2026-01-01' })
    const ctx = { ...context(exec), policyGate: async () => ({ allowed: details.allowed, details, summary: 'blocked by policy: no' }) }
    const result = await runDeployment(deployment, ctx)
    expect(result).toMatchObject({ status: 'blocked', error: 'blocked by policy: no', policy: { denies: [{ msg: 'no' }] } })
    expect(calls.map((c) => c[0])).not.toContain('apply')
  })
})
