import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { assertWritableFolders } from '../../src/app/writable-folders.js'
import { defaultConfig } from '../../src/config/parse-config.js'
import type { RunSettings } from '../../src/engine/run-settings.js'

const settingsIn = (dir: string): RunSettings =>
  ({
    workDir: join(dir, '.tf-orchestrator', 'work'),
    runDir: join(dir, '.tf-orchestrator', 'runs', 'r1'),
    historyFile: join(dir, '.tf-orchestrator', 'history.json'),
    pluginCacheDir: join(dir, 'plugin-cache')
  }) as RunSettings

describe('folders a run writes', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tforch-folders-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses a state.dir that exists as a file and leaves the file as it was', async () => {
    writeFileSync(join(dir, 'state'), 'my notes')
    const config = { ...defaultConfig(), state: { type: 'local' as const, dir: 'state' } }
    await expect(assertWritableFolders(dir, settingsIn(dir), config)).rejects.toThrow(/state\.dir .*state exists and is not a folder; refusing to replace a file/)
    expect(readFileSync(join(dir, 'state'), 'utf8')).toBe('my notes')
  })

  it('refuses when a file is in the way higher up (.tf-orchestrator is a file)', async () => {
    writeFileSync(join(dir, '.tf-orchestrator'), 'x')
    await expect(assertWritableFolders(dir, settingsIn(dir), defaultConfig())).rejects.toThrow(/work folder .*\.tf-orchestrator exists and is not a folder/)
  })

  it('accepts folders that exist or do not exist yet, and creates the plugin cache', async () => {
    mkdirSync(join(dir, '.tf-orchestrator', 'work'), { recursive: true })
    await assertWritableFolders(dir, settingsIn(dir), defaultConfig())
    expect(readFileSync.bind(null, join(dir, 'plugin-cache'))).toThrow(/EISDIR/)
  })
})
