import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InitGate } from '../../src/engine/init-gate.js'
import { deploymentPaths, runDeployment } from '../../src/engine/run-deployment.js'
import type { RunSettings } from '../../src/engine/run-settings.js'
import { erroredStateStep } from '../../src/engine/steps/failure-errored-state-step.js'
import type { SelectedDeployment } from '../../src/model/deployment.js'
import { localStateStore } from '../../src/state/io/local-state-store.js'
import type { Executor } from '../../src/terraform/io/executor.js'

const d: SelectedDeployment = {
  id: 'app/acct/east/one', name: 'one', layout: 'tfvars', account: 'acct', region: 'east', project: 'one', services: ['app'],
  stateKey: 'app/acct/east/one/terraform.tfstate', rootDir: '.', source: 'one.tfvars', reasons: [{ kind: 'all', text: 'all' }]
}
const FULL = JSON.stringify({ version: 4, serial: 3, lineage: 'l-1', resources: [{ mode: 'managed', type: 'terraform_data', name: 'a', instances: [{ attributes: { id: 'x' } }] }] }, null, 2)
// `state pull` of a store whose state is cut short fails, as OpenTofu does on invalid JSON.
const exec: Executor = async () => ({ exitCode: 1, stdout: '', stderr: 'Error: Failed to load state: unexpected end of JSON input', output: '', interrupted: false, durationMs: 1 })

describe('errored state over a truncated write of itself', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tforch-truncated-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const setup = (stored: string) => {
    const settings = { command: 'apply', destroy: false, workingDir: dir, binary: 'tofu', workers: 1, timeoutMs: 60_000, graceMs: 100, retry: { maxAttempts: 1, initialDelayMs: 1, patterns: [] }, throttle: { windowMs: 0 }, workDir: join(dir, 'work'), runDir: join(dir, 'run'), runId: 't', pluginCacheDir: join(dir, 'cache'), historyFile: join(dir, 'h.json'), debug: false, noColor: true, strategy: 'dag', env: {}, opaBinary: 'opa' } as RunSettings
    const paths = deploymentPaths(settings, d)
    mkdirSync(paths.dataDir, { recursive: true })
    writeFileSync(join(paths.dataDir, 'errored.tfstate'), FULL)
    const stateFile = join(dir, 'state', ...d.stateKey.split('/'))
    mkdirSync(join(stateFile, '..'), { recursive: true })
    writeFileSync(stateFile, stored)
    const run = () => runDeployment(d, { settings, steps: [erroredStateStep], exec, store: localStateStore(join(dir, 'state')), initGate: new InitGate(), cancel: new AbortController().signal, workerId: 1, onPhase: () => undefined })
    return { run, stateFile }
  }

  it('replaces a cut-short copy of the same state with the full errored state', async () => {
    const { run, stateFile } = setup(FULL.slice(0, 40))
    const r = await run()
    expect(r).toMatchObject({ status: 'succeeded', erroredState: { pushed: true } })
    expect(readFileSync(stateFile, 'utf8')).toBe(FULL)
  })

  it('replaces a cut-short earlier snapshot of the same apply (same lineage, older serial)', async () => {
    const earlier = JSON.stringify({ version: 4, serial: 2, lineage: 'l-1', resources: [] }, null, 2)
    const { run, stateFile } = setup(earlier.slice(0, 50))
    const r = await run()
    expect(r).toMatchObject({ status: 'succeeded', erroredState: { pushed: true } })
    expect(readFileSync(stateFile, 'utf8')).toBe(FULL)
  })

  it('keeps the errored state and names the command when the store holds something else', async () => {
    const { run, stateFile } = setup('{"version": 4, "serial": 9, "lineage": "other"')
    const r = await run()
    expect(r).toMatchObject({ status: 'failed', erroredState: { pushed: false } })
    expect(r.error).toContain('tofu state push')
    expect(readFileSync(stateFile, 'utf8')).toBe('{"version": 4, "serial": 9, "lineage": "other"')
  })
})
