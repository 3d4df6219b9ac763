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
          return gate.run('root', (readonly) => init(call, backend, readonly), (r) => r.exitCode === 0)
        })
        const results = await Promise.all(inits)
        for (const r of results) expect({ exit: r.exitCode, output: r.exitCode === 0 ? '' : r.output }).toEqual({ exit: 0, output: '' })
        expect(readdirSync(join(cache, 'registry.opentofu.org/example/dummy/1.0.0/linux_amd64'))).toEqual(['terraform-provider-dummy_v1.0.0'])
      }
    } finally {
      tmp.cleanup()
    }
  })

  it('runs the first init of a root module alone and the later ones together', async () => {
    const gate = new InitGate()
    let running = 0
    let most = 0
    let writers = 0
    let mostWriters = 0
    const order: string[] = []
    const fakeInit = (name: string) => async (readonly: boolean) => {
      running++
      if (!readonly) writers++
      most = Math.max(most, running)
      mostWriters = Math.max(mostWriters, writers)
      order.push(`${name}:${readonly ? 'readonly' : 'writes'}`)
      await new Promise((r) => setTimeout(r, 20))
      running--
      if (!readonly) writers--
      return 0
    }
    await Promise.all([gate.run('a', fakeInit('a1'), () => true), gate.run('b', fakeInit('b1'), () => true), gate.run('a', fakeInit('a2'), () => true)])
    // Writers (first inits of a and b) never overlap; a2 waits for a1 and then only reads.
    expect(order[0]).toBe('a1:writes')
    expect(order).toEqual(expect.arrayContaining(['b1:writes', 'a2:readonly']))
    expect(mostWriters).toBe(1)
    await Promise.all([gate.run('a', fakeInit('a3'), () => true), gate.run('a', fakeInit('a4'), () => true)])
    expect(most).toBeGreaterThanOrEqual(2)
  })
})
