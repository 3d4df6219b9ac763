import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readEnvironment } from '../../src/app/environment.js'
import { loadWorkspace } from '../../src/app/load-workspace.js'
import { runSettings } from '../../src/app/resolve-run-settings.js'
import { parseRunRequest } from '../../src/app/run-request.js'
import { startRun } from '../../src/app/start-run.js'
import { commandLine, descendantsOf } from '../../src/locks/io/processes.js'
import { BinaryError, type ResolvedBinary } from '../../src/terraform/io/check-binary.js'
import { repoRoot } from '../helpers/temp-dir.js'

/** This test process's spawners still running (the spawner starts while the run is checked). */
const spawnersLeft = (): string[] => descendantsOf(process.pid).map(commandLine).filter((c) => /^(python3|perl) /.test(c) && c.includes('the Node process decides what to stop'))

describe('a run that cannot start', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tforch-start-run-'))
    cpSync(join(repoRoot, 'examples/aws-fleet'), dir, { recursive: true, filter: (src) => !src.includes('.tf-orchestrator/') })
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const start = async (binary?: string, checked?: Promise<ResolvedBinary>): Promise<unknown> => {
    const request = parseRunRequest({ command: 'plan', workingDir: dir, all: 'true', ...(binary ? { binary } : {}) }, 'cli')
    const ws = await loadWorkspace({ ...request.selection, requireDeployments: true })
    const settings = runSettings(ws.workingDir, ws.config, 'plan', request.run, readEnvironment(process.env, false))
    return startRun(ws, settings, { observers: [], cancel: new AbortController().signal, ...(checked ? { binary: checked } : {}) }).catch((error: unknown) => error)
  }

  it('uses the binary check its caller started already (while the workspace loaded)', async () => {
    const error = await start(undefined, Promise.reject(new BinaryError('checked early: not OpenTofu')))
    expect(String(error)).toContain('checked early: not OpenTofu')
    expect(spawnersLeft()).toEqual([])
  })

  it('says why (no binary) and leaves no spawner behind', async () => {
    const error = await start(join(dir, 'no-such-tofu'))
    expect(String(error)).toContain('no-such-tofu')
    expect(spawnersLeft()).toEqual([])
  })

  it('says why (a file where its folder must be) and leaves no spawner behind, though the binary was asked at the same time', async () => {
    rmSync(join(dir, '.tf-orchestrator'), { recursive: true, force: true })
    writeFileSync(join(dir, '.tf-orchestrator'), 'in the way\n')
    const error = await start()
    expect(String(error)).toContain('.tf-orchestrator')
    expect(spawnersLeft()).toEqual([])
  })
})
