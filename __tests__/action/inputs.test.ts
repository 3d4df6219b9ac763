import { readGitHubInputs, readInputs } from '../../src/action/inputs.js'
import { readEnvironment } from '../../src/app/environment.js'
import { parseRunRequest } from '../../src/app/run-request.js'

/** Sets INPUT_* variables the way the runner does for the duration of `fn`. */
function withInputs<T>(inputs: Record<string, string>, fn: () => T): T {
  const keys = Object.keys(inputs).map((k) => `INPUT_${k.replace(/ /g, '_').toUpperCase()}`)
  Object.entries(inputs).forEach(([k, v], i) => (process.env[keys[i] as string] = v))
  try {
    return fn()
  } finally {
    keys.forEach((k) => delete process.env[k])
  }
}

const env = (vars: Record<string, string> = {}) => readEnvironment(vars, false)

describe('action inputs', () => {
  it('reads and types every input', () => {
    const request = withInputs(
      {
        command: 'apply',
        'working-directory': 'infra',
        all: 'true',
        parallel: 'false',
        'max-workers': '3',
        binary: 'terraform',
        'timeout-minutes': '12.5',
        destroy: 'true',
        debug: 'true',
        'policy-mode': 'warn'
      },
      () => readInputs(env())
    )
    expect(request).toMatchObject({ command: 'apply', selection: { workingDir: 'infra', all: true } })
    expect(request.run).toMatchObject({ parallel: false, maxWorkers: 3, binary: 'terraform', dryRun: false, timeoutMinutes: 12.5, destroy: true, debug: true, policyMode: 'warn' })
  })

  it('defaults to plan, to the pull request base branch, and never to destroy', () => {
    const request = withInputs({}, () => readInputs(env({ GITHUB_BASE_REF: 'main' })))
    expect(request).toMatchObject({ command: 'plan', selection: { workingDir: '.', baseRef: 'origin/main', all: false } })
    expect(request.run).toMatchObject({ destroy: false, debug: false, dryRun: false })
    expect(request.run.policyMode).toBeUndefined()
  })

  it('plans everything without a pull request or a selection', () => {
    expect(withInputs({ all: 'false' }, () => readInputs(env())).selection).toMatchObject({ all: true, baseRef: undefined })
  })

  it('turns debug on when the workflow runs with debug logging (RUNNER_DEBUG=1)', () => {
    expect(withInputs({ debug: 'false' }, () => readInputs(env({ RUNNER_DEBUG: '1' }))).run.debug).toBe(true)
  })

  it('names the input that is wrong, and the value', () => {
    expect(() => withInputs({ 'max-workers': 'many' }, () => readInputs(env()))).toThrow('input max-workers: must be a whole number from 1 to 64, got "many"')
    expect(() => withInputs({ command: 'destroy' }, () => readInputs(env()))).toThrow(/^input command: must be one of list, graph, plan, apply/)
    expect(() => withInputs({ binary: 'pulumi' }, () => readInputs(env()))).toThrow('input binary: must be tofu or terraform, got "pulumi"')
    expect(() => withInputs({ 'max-workers': '2.5' }, () => readInputs(env()))).toThrow('input max-workers: must be a whole number from 1 to 64, got "2.5"')
    expect(() => withInputs({ 'max-workers': '500' }, () => readInputs(env()))).toThrow('input max-workers: must be a whole number from 1 to 64, got "500"')
    expect(() => withInputs({ 'policy-mode': 'lax' }, () => readInputs(env()))).toThrow('input policy-mode: must be enforce, warn or off, got "lax"')
    expect(() => withInputs({ destroy: 'yes' }, () => readInputs(env()))).toThrow('input destroy: must be true or false, got "yes"')
    expect(() => withInputs({ all: 'true', 'base-ref': 'main' }, () => readInputs(env()))).toThrow('input all cannot be combined with input base-ref')
  })
})

describe('GitHub inputs', () => {
  it('defaults to one issue per drifted deployment and a green drift run', () => {
    expect(withInputs({}, () => readGitHubInputs())).toEqual({ driftIssues: 'per-deployment', failOnDrift: false })
    expect(withInputs({ 'github-token': 'ghs_x', 'drift-issues': 'per-run', 'fail-on-drift': 'True' }, () => readGitHubInputs())).toEqual({ token: 'ghs_x', driftIssues: 'per-run', failOnDrift: true })
  })

  it('names the input that is wrong', () => {
    expect(() => withInputs({ 'drift-issues': 'daily' }, () => readGitHubInputs())).toThrow('input drift-issues: must be per-deployment or per-run, got "daily"')
    expect(() => withInputs({ 'fail-on-drift': 'yes' }, () => readGitHubInputs())).toThrow('input fail-on-drift: must be true or false, got "yes"')
  })

  it('drift plans everything by default and never destroys', () => {
    expect(withInputs({ command: 'drift' }, () => readInputs(env()))).toMatchObject({ command: 'drift', selection: { all: true } })
    expect(() => withInputs({ command: 'drift', destroy: 'true' }, () => readInputs(env()))).toThrow('drift plans the deployments as they are: input destroy cannot be used with it')
    expect(() => parseRunRequest({ command: 'drift' }, 'cli')).toThrow('drift: say what to run: --all, --base-ref <ref> or --changed-files <list>')
  })
})

describe('one schema for flags and inputs', () => {
  const cases: [string, Record<string, string>][] = [
    ['maxWorkers', { maxWorkers: '2.5' }],
    ['maxWorkers', { maxWorkers: '500' }],
    ['maxWorkers', { maxWorkers: '0' }],
    ['timeoutMinutes', { timeoutMinutes: '-1' }],
    ['graceSeconds', { graceSeconds: 'soon' }],
    ['policyMode', { policyMode: 'strict' }]
  ]
  it.each(cases)('rejects the same %s values from both, naming the flag or the input', (_field, raw) => {
    const value = Object.values(raw)[0] as string
    const cli = (): unknown => parseRunRequest({ command: 'plan', all: 'true', ...raw }, 'cli')
    const action = (): unknown => parseRunRequest({ command: 'plan', all: 'true', ...raw }, 'action')
    expect(cli).toThrow(new RegExp(`^--[a-z-]+: must .*, got "${value}"$`))
    expect(action).toThrow(new RegExp(`^input [a-z-]+: must .*, got "${value}"$`))
  })

  it('accepts the same values from both', () => {
    const raw = { command: 'apply', all: 'true', maxWorkers: '64', timeoutMinutes: '0.05', graceSeconds: '1', binary: '/opt/tofu', policyMode: 'off' }
    expect(parseRunRequest(raw, 'cli')).toEqual(parseRunRequest(raw, 'action'))
    expect(parseRunRequest(raw, 'cli').run).toMatchObject({ maxWorkers: 64, timeoutMinutes: 0.05, graceSeconds: 1, binary: '/opt/tofu', policyMode: 'off' })
  })

  it('requires a selection for plan and apply, in the user\'s words', () => {
    expect(() => parseRunRequest({ command: 'plan' }, 'cli')).toThrow('plan: say what to run: --all, --base-ref <ref> or --changed-files <list>')
    expect(() => parseRunRequest({ command: 'apply' }, 'action')).toThrow('apply: say what to run: input all, input base-ref or input changed-files')
  })

  it('refuses --json with a format that is not JSON', () => {
    expect(() => parseRunRequest({ command: 'graph', json: 'true', format: 'mermaid' }, 'cli')).toThrow('--json cannot be combined with --format')
    expect(parseRunRequest({ command: 'graph', json: 'true' }, 'cli').format).toBe('json')
  })
})

describe('action.yml and readInputs', () => {
  // Read by their own modules (credentials, plugin cache, fan-out), which test them.
  const elsewhere = ['aws-role-arn', 'aws-region', 'role-session-name', 'role-duration-seconds', 'plugin-cache', 'shards', 'shard', 'deployments', 'summaries-path']

  it('reads every input action.yml declares: a wrong value is rejected naming it, or passed on', async () => {
    const { readFileSync, readdirSync } = await import('node:fs')
    const { parse } = await import('yaml')
    const { repoRoot } = await import('../helpers/temp-dir.js')
    const declared = Object.keys((parse(readFileSync(`${repoRoot}/action.yml`, 'utf8')) as { inputs: Record<string, unknown> }).inputs)
    expect(declared).toEqual(expect.arrayContaining(['timeout-minutes', 'destroy', 'debug', 'policy-mode', 'github-token', 'drift-issues', 'fail-on-drift']))
    const actionSources = readdirSync(`${repoRoot}/src/action`).map((f) => readFileSync(`${repoRoot}/src/action/${f}`, 'utf8')).join('\n')
    for (const name of declared) {
      if (elsewhere.includes(name)) {
        expect({ name, read: actionSources.includes(`input('${name}')`) }).toEqual({ name, read: true })
        continue
      }
      const value = `odd-${name}-%`
      let outcome: string
      try {
        outcome = JSON.stringify(withInputs({ [name]: value, ...(name === 'command' ? {} : { command: 'list' }) }, () => ({ request: readInputs(env()), github: readGitHubInputs() })))
      } catch (error) {
        outcome = (error as Error).message
      }
      expect({ name, read: [`input ${name}:`, value].some((needle) => outcome.includes(needle)) }).toEqual({ name, read: true })
    }
  })
})
