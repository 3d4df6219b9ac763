import { jest } from '@jest/globals'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from '../../src/action/main.js'
import { readEnvironment } from '../../src/app/environment.js'
import { startFakeGitHub } from '../helpers/fake-github.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

/** The outputs a step wrote to its GITHUB_OUTPUT file (`name<<delimiter ... delimiter`). */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(pattern)) outputs[m[1] as string] = m[3] as string
  return outputs
}

const stepFiles = tempDir()
afterAll(() => stepFiles.cleanup())

/**
 * Runs the action's entry point as the runner would: inputs as INPUT_*
 * variables, outputs and the job summary in real files. Returns the outputs,
 * the workflow commands printed and the exit code the step would have.
 */
async function runAction(
  inputs: Record<string, string>,
  workspace: string,
  env: Record<string, string> = {}
): Promise<{ outputs: Record<string, string>; log: string; exitCode: number; summary: string }> {
  // @actions/core keeps the first summary path it sees for the process: one file for every run, emptied first.
  const files = { dir: stepFiles.dir }
  stepFiles.write('output', '')
  stepFiles.write('summary', '')
  const vars: Record<string, string> = { ...env, GITHUB_OUTPUT: join(files.dir, 'output'), GITHUB_STEP_SUMMARY: join(files.dir, 'summary') }
  for (const [k, v] of Object.entries(inputs)) vars[`INPUT_${k.toUpperCase()}`] = v
  Object.assign(process.env, vars)
  let log = ''
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    log += String(chunk)
    return true
  })
  const previousExitCode = process.exitCode
  try {
    await run(readEnvironment({ ...process.env, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace }, false))
    const summary = readFileSync(join(files.dir, 'summary'), 'utf8')
    return { outputs: parseOutputFile(readFileSync(join(files.dir, 'output'), 'utf8')), log, exitCode: Number(process.exitCode ?? 0), summary }
  } finally {
    write.mockRestore()
    process.exitCode = previousExitCode
    for (const k of Object.keys(vars)) delete process.env[k]
  }
}

const OUTPUTS = ['count', 'deployments', 'removed', 'graph', 'has-changes', 'summary-file', 'drift-detected', 'drifted']

describe('the action entry point with real inputs and a real GITHUB_OUTPUT file', () => {
  const repo = tempDir()
  beforeAll(() => {
    cpSync(join(repoRoot, 'examples/oci-region'), join(repo.dir, 'infra'), { recursive: true, filter: (src) => !/[\\/]\.tf-orchestrator$/.test(src) })
    // A module call to a folder that does not exist: a discovery warning with a file.
    writeFileSync(join(repo.dir, 'infra/toronto/identity/extra.tf'), 'module "gone" {\n  source = "../../modules/gone"\n}\n')
  })
  afterAll(() => repo.cleanup())

  it('lists and sets every output; annotations name files from the repository root', async () => {
    const { outputs, log, exitCode } = await runAction({ command: 'list', 'working-directory': join(repo.dir, 'infra/toronto') }, repo.dir)
    expect(exitCode).toBe(0)
    expect(Object.keys(outputs).sort()).toEqual([...OUTPUTS].sort())
    expect(outputs.count).toBe('5')
    expect(JSON.parse(outputs.deployments as string)).toHaveLength(5)
    expect(outputs['has-changes']).toBe('false')
    expect(log).toMatch(/^::warning file=infra\/toronto\/identity\/extra\.tf::.*modules\/gone/m)
  })

  it('sets every output on a dry-run, with no summary file and no changes', async () => {
    const { outputs, log, exitCode } = await runAction(
      { command: 'apply', all: 'true', 'dry-run': 'true', 'max-workers': '2', 'working-directory': join(repo.dir, 'infra/toronto') },
      repo.dir
    )
    expect(exitCode).toBe(0)
    expect(outputs).toMatchObject({ count: '5', 'has-changes': 'false', 'summary-file': '' })
    expect(JSON.parse(outputs.graph as string).levels).toHaveLength(4)
    expect(log).toContain('apply with tofu, 2 worker(s), timeout 30 min')
    expect(log).toMatch(/binary: \S+tofu \(OpenTofu v\d+\.\d+\.\d+\)/)
  })

  it('sets every output when nothing is selected', async () => {
    const { outputs, exitCode } = await runAction({ command: 'plan', 'changed-files': 'README.md', 'working-directory': join(repo.dir, 'infra/toronto') }, repo.dir)
    expect(exitCode).toBe(0)
    expect(outputs).toMatchObject({ count: '0', deployments: '[]', 'has-changes': 'false', 'summary-file': '' })
  })

  it('fails on an invalid input, naming it, and still sets every output', async () => {
    const { outputs, log, exitCode } = await runAction({ command: 'plan', all: 'true', 'max-workers': '2.5' }, repo.dir)
    expect(exitCode).toBe(1)
    expect(log).toContain('::error::input max-workers: must be a whole number from 1 to 64, got "2.5"')
    expect(outputs).toMatchObject({ count: '0', 'has-changes': 'false', 'summary-file': '' })
  })

  it('a GitHub failure while commenting is a warning: the plan result, its outputs and the job summary stand', async () => {
    const fake = await startFakeGitHub()
    try {
      // The example without the broken module call the other tests add.
      cpSync(join(repoRoot, 'examples/oci-region'), join(repo.dir, 'clean'), { recursive: true, filter: (src) => !/[\\/]\.tf-orchestrator$/.test(src) })
      const pr = fake.state.addPullRequest('acme', 'infra')
      repo.write('event.json', JSON.stringify({ pull_request: { number: pr.number }, repository: { name: 'infra', owner: { login: 'acme' } } }))
      // 401 is not retried: every comment call fails at once.
      fake.failNext(100, 'unauthorized', { path: /\/comments/ })
      const workflowEnv = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(repo.dir, 'event.json'), GITHUB_API_URL: fake.url, GITHUB_RUN_ID: '77' }
      const { outputs, log, exitCode, summary } = await runAction(
        { command: 'plan', all: 'true', 'github-token': 'ghs_unitTestToken', 'working-directory': join(repo.dir, 'clean/toronto') },
        repo.dir,
        workflowEnv
      )
      expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/repos/acme/infra/issues/${pr.number}/comments` && r.status === 401)).toBe(true)
      expect(log).toMatch(/^::warning::PR comment not posted: could not update the pull request comment on acme\/infra#\d+: HTTP 401/m)
      expect(fake.state.comments).toHaveLength(0)
      expect(log.split('\n').filter((l) => l.startsWith('::error'))).toEqual([])
      expect(exitCode).toBe(0)
      expect(outputs).toMatchObject({ count: '5', 'has-changes': 'true', 'drift-detected': 'false', drifted: '[]' })
      expect(log).toMatch(/^::group::identity\/default\/toronto\/default: succeeded \+\d+ ~0 -0/m)
      expect(summary).toContain('## tf-orchestrator plan in `clean/toronto`')
      expect(summary).toContain('```mermaid')
    } finally {
      await fake.stop()
    }
  }, 120_000)

  it('annotates a configuration error at its file and line, relative to the repository root', async () => {
    const broken = tempDir({ '.tf-orchestrator.yml': 'parallel: true\nbinary: terraformx\n', 'infra/east/app/main.tf': '' })
    try {
      writeFileSync(join(broken.dir, 'infra/.tf-orchestrator.yml'), 'parallel: true\nbinary: terraformx\n')
      const { log, exitCode } = await runAction({ command: 'list', 'working-directory': join(broken.dir, 'infra') }, broken.dir)
      expect(exitCode).toBe(1)
      expect(log).toMatch(/^::error file=infra\/\.tf-orchestrator\.yml,line=2::.*binary/m)
    } finally {
      broken.cleanup()
    }
  })
})
