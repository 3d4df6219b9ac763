import { chmodSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { earlyBinary } from '../../src/app/early-binary.js'
import { loadWorkspace } from '../../src/app/load-workspace.js'
import type { Config } from '../../src/config/parse-config.js'
import { tempDir } from '../helpers/temp-dir.js'

const env = process.env as Record<string, string>

describe('the binary check started as the configuration is read', () => {
  const tmp = tempDir()
  afterAll(() => tmp.cleanup())
  // A stand-in that answers `version -json` and counts how often it was asked.
  const fake = (name: string): string => {
    tmp.write(name, `#!/bin/sh\necho "$0" >> "${join(tmp.dir, 'asked')}"\necho '{"terraform_version":"1.11.6"}'\n`)
    chmodSync(join(tmp.dir, name), 0o755)
    return join(tmp.dir, name)
  }
  const asked = (): string[] => readFileSync(join(tmp.dir, 'asked'), 'utf8').trim().split('\n')

  it('asks the binary of the request once, and serves the run that names it', async () => {
    const tofu = fake('tofu')
    const early = earlyBinary({ binary: tofu }, env)
    early.onConfig({ binary: 'terraform' } as Config)
    await expect(early.binary(tofu)).resolves.toMatchObject({ path: tofu, version: '1.11.6' })
    expect(asked()).toEqual([tofu])
  })

  it('asks the configured binary without a request\'s, and asks again for one the run names otherwise', async () => {
    const other = fake('other-tofu')
    const early = earlyBinary({}, env)
    early.onConfig({ binary: 'terraform' } as Config)
    const configured = early.binary('terraform')
    configured.catch(() => undefined)
    expect(early.binary('terraform')).toBe(configured)
    await expect(early.binary(other)).resolves.toMatchObject({ path: other })
    expect(asked().slice(-1)).toEqual([other])
  })

  it('keeps a failed check until the run asks for it, without an unhandled rejection meanwhile', async () => {
    const unhandled: unknown[] = []
    const listener = (reason: unknown): void => void unhandled.push(reason)
    process.on('unhandledRejection', listener)
    try {
      const early = earlyBinary({}, env)
      early.onConfig({ binary: join(tmp.dir, 'no-such-tofu') } as Config)
      await new Promise((r) => setTimeout(r, 100))
      expect(unhandled).toEqual([])
      await expect(early.binary(join(tmp.dir, 'no-such-tofu'))).rejects.toThrow('no-such-tofu: no such file')
    } finally {
      process.off('unhandledRejection', listener)
    }
  })

  it('is started by loadWorkspace before discovery, even when discovery then fails', async () => {
    const ws = tempDir({ '.tf-orchestrator.yml': 'binary: terraform\nlayouts:\n  - type: stacks\n    roots: [nothing-here]\n' })
    try {
      const seen: string[] = []
      await expect(loadWorkspace({ workingDir: ws.dir, all: true, requireDeployments: true, onConfig: (c) => void seen.push(c.binary) })).rejects.toThrow('no deployments found')
      expect(seen).toEqual(['terraform'])
    } finally {
      ws.cleanup()
    }
  })
})
