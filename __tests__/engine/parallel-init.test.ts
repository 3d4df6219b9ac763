import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { InitGate } from '../../src/engine/init-gate.js'
import { execCommand } from '../../src/terraform/io/executor.js'
import { init, type TerraformCall } from '../../src/terraform/io/terraform-cli.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

// A provider the init must unpack into the shared cache: a packed filesystem mirror (see __tests__/data/README.md).
const mirror = join(repoRoot, '__tests__/data/provider-mirror')
const ROOT_MODULE = 'terraform {\n  backend "local" {}\n  required_providers {\n    dummy = { source = "example/dummy", version = "1.0.0" }\n  }\n}\n'

describe('parallel init on one provider plugin cache', () => {
  it('never fails, over several rounds of many concurrent inits of one root module', async () => {
    const tmp = tempDir({ 'root/main.tf': ROOT_MODULE })
    const cliConfig = join(tmp.dir, 'cli.tfrc')
    writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["example/*"]\n  }\n}\n`)
    try {
      for (let round = 0; round < 3; round++) {
        // A cold cache and no lock file each round: the worst case.
        const cache = join(tmp.dir, `cache-${round}`)
        mkdirSync(cache)
        rmSync(join(tmp.dir, 'root/.terraform.lock.hcl'), { force: true })
        const gate = new InitGate()
        const inits = Array.from({ length: 10 }, async (_, i) => {
          const call: TerraformCall = {
            exec: execCommand,
            binary: 'tofu',
            noColor: true,
            options: {
              cwd: join(tmp.dir, 'root'),
              env: {
                ...(process.env as Record<string, string>),
                TF_CLI_CONFIG_FILE: cliConfig,
                TF_PLUGIN_CACHE_DIR: cache,
                TF_DATA_DIR: join(tmp.dir, `data-${round}-${i}`),
                TF_IN_AUTOMATION: '1'
              }
            }
          }
          const backend = [`path=${join(tmp.dir, `state-${round}-${i}.tfstate`)}`]
          return gate.run(join(tmp.dir, 'root'), (readonly) => init(call, backend, readonly), (r) => r.exitCode === 0)
        })
        const results = await Promise.all(inits)
        for (const r of results) expect({ exit: r.exitCode, output: r.exitCode === 0 ? '' : r.output }).toEqual({ exit: 0, output: '' })
        expect(readdirSync(join(cache, 'registry.opentofu.org/example/dummy/1.0.0/linux_amd64'))).toEqual(['terraform-provider-dummy_v1.0.0'])
      }
    } finally {
      tmp.cleanup()
    }
  })

  it('runs the first init of a root module alone and the later ones together; first inits serialize only on a shared provider', async () => {
    const providers: Record<string, string[] | undefined> = { a: ['p@1'], b: ['p@1'], c: ['q@1'], d: undefined }
    const gate = new InitGate(async (root) => (providers[root] ? new Set(providers[root]) : undefined))
    const spans: { name: string; readonly: boolean; start: number; end: number }[] = []
    let clock = 0
    const fakeInit = (name: string) => async (readonly: boolean) => {
      const span = { name, readonly, start: clock++, end: -1 }
      spans.push(span)
      await new Promise((r) => setTimeout(r, 20))
      span.end = clock++
      return 0
    }
    const overlap = (x: string, y: string) => {
      const [p, q] = [spans.find((s) => s.name === x), spans.find((s) => s.name === y)]
      return p !== undefined && q !== undefined && p.start < q.end && q.start < p.end
    }
    await Promise.all([gate.run('a', fakeInit('a1'), () => true), gate.run('b', fakeInit('b1'), () => true), gate.run('c', fakeInit('c1'), () => true), gate.run('a', fakeInit('a2'), () => true)])
    // a1 installs p; b1 needs p too: it waits, then finds p installed. c1 installs q at the same time as a1.
    expect(overlap('a1', 'b1')).toBe(false)
    expect(overlap('a1', 'c1')).toBe(true)
    expect(spans.find((s) => s.name === 'a2')).toMatchObject({ readonly: true })
    expect(overlap('a1', 'a2')).toBe(false)
    // p and q are installed now: new root modules that only need them start together.
    providers.e = ['p@1', 'q@1']
    providers.f = ['p@1']
    await Promise.all([gate.run('e', fakeInit('e1'), () => true), gate.run('f', fakeInit('f1'), () => true)])
    expect(overlap('e1', 'f1')).toBe(true)
    // Another version of p, or one not pinned exactly, is written again: those serialize.
    providers.g = ['p@2']
    providers.h = ['p@?']
    await Promise.all([gate.run('g', fakeInit('g1'), () => true), gate.run('h', fakeInit('h1'), () => true)])
    expect(overlap('g1', 'h1')).toBe(false)
    // Providers unknown before init: that first init runs alone (a later, read-only init of a root module may still run).
    providers.i = ['q@1']
    providers.j = ['p@1']
    await Promise.all([gate.run('d', fakeInit('d1'), () => true), gate.run('i', fakeInit('i1'), () => true), gate.run('j', fakeInit('j1'), () => true)])
    expect(overlap('d1', 'i1') || overlap('d1', 'j1')).toBe(false)
    expect(overlap('i1', 'j1')).toBe(true)
    // Built-in providers only: nothing is installed and no lock file written, so the later inits do not wait for the first.
    providers.k = []
    await Promise.all([gate.run('k', fakeInit('k1'), () => true), gate.run('k', fakeInit('k2'), () => true)])
    expect(overlap('k1', 'k2')).toBe(true)
    expect(spans.find((s) => s.name === 'k2')).toMatchObject({ readonly: true })
  })

  it('inits a stacks fleet (8 root modules, one provider from a filesystem mirror) on a cold cache: the installer alone, then all together', async () => {
    const stacks = Array.from({ length: 8 }, (_, i) => `toronto/stack${i}`)
    const tmp = tempDir(Object.fromEntries(stacks.map((s) => [`${s}/main.tf`, ROOT_MODULE])))
    const cliConfig = join(tmp.dir, 'cli.tfrc')
    writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["example/*"]\n  }\n}\n`)
    const cache = join(tmp.dir, 'cache')
    mkdirSync(cache)
    const spans: { stack: string; start: number; end: number }[] = []
    try {
      const gate = new InitGate()
      const results = await Promise.all(
        stacks.map((stack) => {
          const exec: typeof execCommand = async (tool, args, options) => {
            const start = performance.now()
            const r = await execCommand(tool, args, options)
            spans.push({ stack, start, end: performance.now() })
            return r
          }
          const env = { ...(process.env as Record<string, string>), TF_CLI_CONFIG_FILE: cliConfig, TF_PLUGIN_CACHE_DIR: cache, TF_DATA_DIR: join(tmp.dir, 'data', stack), TF_IN_AUTOMATION: '1' }
          const call: TerraformCall = { exec, binary: 'tofu', noColor: true, options: { cwd: join(tmp.dir, stack), env } }
          return gate.run(join(tmp.dir, stack), (readonly) => init(call, [`path=${join(tmp.dir, 'state', `${stack}.tfstate`)}`], readonly), (r) => r.exitCode === 0)
        })
      )
      for (const r of results) expect({ exit: r.exitCode, output: r.exitCode === 0 ? '' : r.output }).toEqual({ exit: 0, output: '' })
      expect(readdirSync(join(cache, 'registry.opentofu.org/example/dummy/1.0.0/linux_amd64'))).toEqual(['terraform-provider-dummy_v1.0.0'])
      for (const stack of stacks) expect(readdirSync(join(tmp.dir, stack))).toContain('.terraform.lock.hcl')
      // The init that installs the provider runs alone; the seven others find it in the cache and overlap.
      const [installer, ...others] = [...spans].sort((x, y) => x.start - y.start)
      for (const o of others) expect(o.start).toBeGreaterThanOrEqual((installer as (typeof spans)[number]).end)
      const overlapping = others.filter((o) => others.some((p) => p !== o && p.start < o.end && o.start < p.end))
      expect(overlapping).toHaveLength(others.length)
    } finally {
      tmp.cleanup()
    }
  })
})
