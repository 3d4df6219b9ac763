import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultConfig } from '../../src/config/parse-config.js'
import { discover } from '../../src/discovery/io/discover.js'
import { parseCacheFile } from '../../src/discovery/io/parse-cache.js'
import { tempDir } from '../helpers/temp-dir.js'

// Module calls and a template in a tfvars file: only the real HCL parser reads these.
const files = {
  'main.tf': 'variable "account_name" {}\nvariable "region" {}\nmodule "naming" {\n  source = "./modules/naming"\n}\n',
  'modules/naming/main.tf': 'output "x" { value = 1 }\n',
  'd/one/one.tfvars': 'account_name = "a"\nregion = "r"\nname = "${1}"\ns3_buckets = {}\n',
  'd/two/two.tfvars': 'account_name = "a"\nregion = "r"\nkms_keys = {}\n'
}

describe('the parse cache', () => {
  it('lets a warm discovery parse nothing, and re-parses a changed file with its new contents', async () => {
    const tmp = tempDir(files)
    try {
      const cold = await discover(tmp.dir, defaultConfig())
      expect(cold.parserCalls).toBe(3) // main.tf, modules/naming/main.tf, one.tfvars (two.tfvars takes the literal fast path)
      expect(existsSync(parseCacheFile(tmp.dir))).toBe(true)
      const warm = await discover(tmp.dir, defaultConfig())
      expect(warm.parserCalls).toBe(0)
      expect(warm.deployments).toEqual(cold.deployments)
      expect(warm.calls).toEqual(cold.calls)

      tmp.write('d/one/one.tfvars', 'account_name = "b"\nregion = "r"\nname = "${2}"\nsqs_queues = {}\n')
      tmp.write('main.tf', 'variable "account_name" {}\nvariable "region" {}\n')
      const changed = await discover(tmp.dir, defaultConfig())
      expect(changed.parserCalls).toBe(2)
      expect(changed.deployments.map((d) => d.id)).toEqual(['sqs/b/r/one', 'kms/a/r/two'])
      expect(changed.calls.get('.')).toEqual([])
    } finally {
      tmp.cleanup()
    }
  })

  it('is safe to delete or damage, and never used when turned off', async () => {
    const tmp = tempDir(files)
    try {
      const first = await discover(tmp.dir, defaultConfig())
      writeFileSync(parseCacheFile(tmp.dir), '{"version": "hcl2json-0.24.0/1", "entries": ')
      expect((await discover(tmp.dir, defaultConfig())).deployments).toEqual(first.deployments)
      rmSync(join(tmp.dir, '.tf-orchestrator'), { recursive: true })
      const off = await discover(tmp.dir, defaultConfig(), { cache: false })
      expect(off.deployments).toEqual(first.deployments)
      expect(off.parserCalls).toBe(3)
      expect(existsSync(join(tmp.dir, '.tf-orchestrator'))).toBe(false)
    } finally {
      tmp.cleanup()
    }
  })

  it('runs without a cache when .tf-orchestrator is a file in the way', async () => {
    const tmp = tempDir({ ...files, '.tf-orchestrator': 'not a folder\n' })
    try {
      expect((await discover(tmp.dir, defaultConfig())).deployments).toHaveLength(2)
    } finally {
      tmp.cleanup()
    }
  })
})
