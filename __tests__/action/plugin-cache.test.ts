import { pluginCacheKey } from '../../src/cache/plugin-cache-key.js'
import { lockDigest, lockFiles } from '../../src/cache/io/lock-digest.js'
import { runPost, savePluginCache, type PostTask } from '../../src/action/post.js'
import { StateName } from '../../src/action/state-names.js'
import { tempDir } from '../helpers/temp-dir.js'

const parts = { os: 'linux', arch: 'x64', binary: 'opentofu', version: '1.11.6', lockDigest: 'abc123' }

describe('plugin cache key', () => {
  it('names OS, architecture, binary, version and the lock digest, and falls back to the same platform and binary version', () => {
    const { key, restoreKeys } = pluginCacheKey(parts)
    expect(key).toBe('tf-orchestrator-plugins-linux-x64-opentofu-1.11.6-abc123')
    expect(restoreKeys).toEqual(['tf-orchestrator-plugins-linux-x64-opentofu-1.11.6-'])
    expect(key.startsWith(restoreKeys[0] as string)).toBe(true)
  })

  it('changes with every part, and never carries a comma (a cache key must not)', () => {
    const base = pluginCacheKey(parts).key
    for (const change of [{ os: 'darwin' }, { arch: 'arm64' }, { binary: 'terraform' }, { version: '1.11.7' }, { lockDigest: 'abc124' }]) {
      expect(pluginCacheKey({ ...parts, ...change }).key).not.toBe(base)
    }
    expect(pluginCacheKey({ ...parts, version: '1.0,0 beta', lockDigest: '' }).key).toBe('tf-orchestrator-plugins-linux-x64-opentofu-1.0_0_beta-none')
  })
})

describe('lock file digest', () => {
  const lock = 'provider "registry.opentofu.org/example/dummy" {\n  version = "1.0.0"\n}\n'

  it('is empty without lock files and ignores tool data folders', async () => {
    const tmp = tempDir({ 'a/main.tf': '', 'a/.terraform/x/.terraform.lock.hcl': lock, '.tf-orchestrator/work/.terraform.lock.hcl': lock })
    try {
      expect(await lockFiles(tmp.dir)).toEqual([])
      expect(await lockDigest(tmp.dir)).toBe('')
    } finally {
      tmp.cleanup()
    }
  })

  it('covers every lock file: editing or moving one changes it, nothing else does', async () => {
    const tmp = tempDir({ 'east/app/.terraform.lock.hcl': lock, 'west/db/.terraform.lock.hcl': lock, 'west/db/main.tf': '' })
    try {
      expect(await lockFiles(tmp.dir)).toEqual(['east/app/.terraform.lock.hcl', 'west/db/.terraform.lock.hcl'])
      const first = await lockDigest(tmp.dir)
      expect(first).toMatch(/^[0-9a-f]{32}$/)
      tmp.write('west/db/main.tf', 'resource "x" "y" {}')
      expect(await lockDigest(tmp.dir)).toBe(first)
      tmp.write('west/db/.terraform.lock.hcl', lock.replace('1.0.0', '1.0.1'))
      const edited = await lockDigest(tmp.dir)
      expect(edited).not.toBe(first)
      tmp.write('west/db/.terraform.lock.hcl', lock)
      expect(await lockDigest(tmp.dir)).toBe(first)
      tmp.write('north/db/.terraform.lock.hcl', lock)
      expect(await lockDigest(tmp.dir)).not.toBe(first)
    } finally {
      tmp.cleanup()
    }
  })
})

describe('post step', () => {
  const saved = { ...process.env }
  const state = (values: Partial<Record<StateName, string>>): void => {
    for (const name of Object.values(StateName)) delete process.env[`STATE_${name}`]
    for (const [name, value] of Object.entries(values)) process.env[`STATE_${name}`] = value
  }
  afterEach(() => {
    process.env = { ...saved }
  })

  it('does not save the cache when the main step never restored it, restored that very key, or left it empty', async () => {
    const tmp = tempDir()
    const lines: string[] = []
    try {
      state({})
      await savePluginCache.run((l) => lines.push(l))
      state({ [StateName.PluginCacheKey]: 'k1', [StateName.PluginCacheMatchedKey]: 'k1', [StateName.PluginCacheDir]: tmp.dir })
      await savePluginCache.run((l) => lines.push(l))
      state({ [StateName.PluginCacheKey]: 'k2', [StateName.PluginCacheMatchedKey]: 'k1', [StateName.PluginCacheDir]: tmp.dir })
      await savePluginCache.run((l) => lines.push(l))
      expect(lines).toEqual([
        'plugin cache: the main step did not restore it; nothing to save',
        'plugin cache: restored from k1 itself; not saved again',
        `plugin cache: ${tmp.dir} is empty; nothing to save`
      ])
    } finally {
      tmp.cleanup()
    }
  })

  it('runs every task even when one throws, and reports the failure as a warning, not a failure', async () => {
    const ran: string[] = []
    const failing: PostTask = { name: 'broken', run: async () => Promise.reject(new Error('boom')) }
    const after: PostTask = { name: 'after', run: async (log) => log('after ran') }
    const out: string[] = []
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write
    try {
      await runPost([failing, after], (l) => ran.push(l))
    } finally {
      process.stdout.write = write
    }
    expect(ran).toEqual(['after ran'])
    expect(out.join('')).toContain('::warning::broken: boom')
    expect(process.exitCode ?? 0).toBe(0)
  })
})
