import { join } from 'node:path'
import { defaultConfig, parseConfig } from '../../src/config/parse-config.js'
import { discover } from '../../src/discovery/io/discover.js'
import { loadWorkspace } from '../../src/app/load-workspace.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

const ROOT_MODULE = 'variable "account_name" {}\nvariable "region" {}\nmodule "naming" {\n  source = "./modules/naming"\n}\n'

describe('tfvars layout', () => {
  it('makes one deployment per tfvars file, account and region from the contents, project from the folder', async () => {
    const tmp = tempDir({
      'main.tf': ROOT_MODULE,
      'modules/naming/main.tf': 'output "x" { value = 1 }\n',
      'dev-deployment/S3/test-poc-3/test-poc-3.tfvars': 'account_name = "arj-wkld-a-prd"\nregion = "us-east-1"\ns3_buckets = {}\nkms_keys = {}\n',
      'terraform.tfvars': 'region = "ignored"\n'
    })
    try {
      const { deployments, calls } = await discover(tmp.dir, defaultConfig())
      expect(deployments).toEqual([
        expect.objectContaining({
          id: 'combined/arj-wkld-a-prd/us-east-1/test-poc-3',
          account: 'arj-wkld-a-prd',
          region: 'us-east-1',
          project: 'test-poc-3',
          services: ['kms', 's3'],
          stateKey: 'combined/arj-wkld-a-prd/us-east-1/test-poc-3/terraform.tfstate',
          rootDir: '.',
          varFile: 'dev-deployment/S3/test-poc-3/test-poc-3.tfvars'
        })
      ])
      expect(calls.get('.')).toEqual(['modules/naming'])
    } finally {
      tmp.cleanup()
    }
  })

  it('names file and line for a tfvars syntax error', async () => {
    const tmp = tempDir({ 'main.tf': ROOT_MODULE, 'd/p/p.tfvars': 'account_name = "a"\nregion = "r"\ns3_buckets = {\n  a = \n}\n' })
    try {
      await expect(discover(tmp.dir, defaultConfig())).rejects.toThrow(/^tfvars syntax error: d\/p\/p\.tfvars:4: /)
    } finally {
      tmp.cleanup()
    }
  })

  it('rejects account_name = "../x", naming the file, line and value', async () => {
    const tmp = tempDir({ 'main.tf': ROOT_MODULE, 'd/p/p.tfvars': 'region = "us-east-1"\naccount_name = "../x"\n' })
    try {
      await expect(discover(tmp.dir, defaultConfig())).rejects.toThrow(
        'd/p/p.tfvars:2: account "../x" is not a valid name: it contains a path separator'
      )
    } finally {
      tmp.cleanup()
    }
  })

  it('requires account_name and region', async () => {
    const tmp = tempDir({ 'main.tf': ROOT_MODULE, 'd/p/p.tfvars': 'account_name = "a"\n' })
    try {
      await expect(discover(tmp.dir, defaultConfig())).rejects.toThrow('d/p/p.tfvars:1: region is missing')
    } finally {
      tmp.cleanup()
    }
  })

  it('rejects a non-literal account_name', async () => {
    const tmp = tempDir({ 'main.tf': ROOT_MODULE, 'd/p/p.tfvars': 'region = "r"\naccount_name = upper("a")\n' })
    try {
      await expect(discover(tmp.dir, defaultConfig())).rejects.toThrow(/d\/p\/p\.tfvars:2: account_name must be a literal string/)
    } finally {
      tmp.cleanup()
    }
  })

  it('quotes a list or object given as account_name', async () => {
    const tmp = tempDir({ 'main.tf': ROOT_MODULE, 'd/p/p.tfvars': 'region = "r"\naccount_name = ["a", { b = 1 }]\n' })
    try {
      await expect(discover(tmp.dir, defaultConfig())).rejects.toThrow('d/p/p.tfvars:2: account_name must be a literal string, found ["a",{"b":1}]')
    } finally {
      tmp.cleanup()
    }
  })

  it('reports the first file in path order with a problem, whichever parser read it', async () => {
    const broken = 'account_name = "a"\nregion = "r"\nx = "${'
    const missing = 'account_name = "a"\n'
    for (const [first, second, expected] of [
      [broken, missing, 'tfvars syntax error: d/a/a.tfvars:3'],
      [missing, broken, 'd/a/a.tfvars:1: region is missing']
    ] as const) {
      const tmp = tempDir({ 'main.tf': ROOT_MODULE, 'd/a/a.tfvars': first, 'd/b/b.tfvars': second })
      try {
        await expect(discover(tmp.dir, defaultConfig())).rejects.toThrow(expected)
      } finally {
        tmp.cleanup()
      }
    }
  })

  it('refuses two deployments that would share a state key', async () => {
    const tvars = 'account_name = "a"\nregion = "r"\ns3_buckets = {}\n'
    const tmp = tempDir({ 'main.tf': ROOT_MODULE, 'x/proj/proj.tfvars': tvars, 'y/proj/proj.tfvars': tvars })
    try {
      await expect(discover(tmp.dir, defaultConfig())).rejects.toThrow(/y\/proj\/proj\.tfvars and x\/proj\/proj\.tfvars would share the state key s3\/a\/r\/proj/)
    } finally {
      tmp.cleanup()
    }
  })

  it('uses the configured roots and root module', async () => {
    const tmp = tempDir({
      'root/main.tf': 'variable "region" {}\n',
      'deployments/p/p.tfvars': 'account_name = "a"\nregion = "r"\n',
      'other/q/q.tfvars': 'account_name = "a"\nregion = "r"\n'
    })
    try {
      const config = parseConfig('layouts:\n  - type: tfvars\n    root_module: root\n    roots: [deployments]\n', 'c.yml')
      const { deployments } = await discover(tmp.dir, config)
      expect(deployments.map((d) => [d.id, d.rootDir])).toEqual([['general/a/r/p', 'root']])
    } finally {
      tmp.cleanup()
    }
  })
})

describe('stacks layout', () => {
  it('finds the OCI example stacks and their module calls, transitively', async () => {
    const { deployments, calls } = await discover(join(repoRoot, 'examples/oci-region/toronto'), defaultConfig())
    expect(deployments.map((d) => d.name)).toEqual(['toronto/compute', 'toronto/database', 'toronto/identity', 'toronto/loadbalancer', 'toronto/network'])
    expect(deployments[0]?.stateKey).toBe('compute/default/toronto/default/terraform.tfstate')
    expect(calls.get('compute')).toEqual(['../modules/compute'])
    expect(calls.get('../modules/compute')).toEqual(['../modules/shape-catalog'])
  })

  it('selects compute and database for a change in modules/compute, naming the module', async () => {
    const ws = await loadWorkspace({
      workingDir: join(repoRoot, 'examples/oci-region/toronto'),
      changedFiles: join(repoRoot, 'examples/oci-region/modules/compute/main.tf')
    })
    expect(ws.selection.selected.map((d) => d.name)).toEqual(['toronto/compute', 'toronto/database'])
    expect(ws.selection.selected[0]?.reasons[0]?.text).toBe('module ../modules/compute changed')
    expect(ws.graph.levels).toEqual([['compute/default/toronto/default', 'database/default/toronto/default']])
  })

  it('detects a transitive module change (shape-catalog via compute)', async () => {
    const ws = await loadWorkspace({
      workingDir: join(repoRoot, 'examples/oci-region/toronto'),
      changedFiles: join(repoRoot, 'examples/oci-region/modules/shape-catalog/main.tf')
    })
    expect(ws.selection.selected.map((d) => d.name)).toEqual(['toronto/compute', 'toronto/database'])
    expect(ws.selection.selected[0]?.reasons[0]?.moduleChain).toEqual(['../modules/shape-catalog', '../modules/compute'])
  })

  it('warns about a module source that is an expression, naming the file', async () => {
    const tmp = tempDir({
      'east/app/main.tf': 'variable "v" {}\nmodule "m" {\n  source = "${var.v}/x"\n}\n',
      'east/net/main.tf': 'module "m" {\n  source = "../../modules/missing"\n}\n'
    })
    try {
      const { deployments, warnings } = await discover(tmp.dir, defaultConfig())
      expect(deployments.map((d) => d.id)).toEqual(['app/default/east/default', 'net/default/east/default'])
      expect(warnings).toEqual([
        { file: 'east/app/main.tf', message: expect.stringContaining('is an expression') },
        { file: 'east/net/main.tf', message: expect.stringContaining('does not exist') }
      ])
    } finally {
      tmp.cleanup()
    }
  })

  it('treats a directory another stack calls as a module, not a stack', async () => {
    const tmp = tempDir({
      'east/app/main.tf': 'module "m" {\n  source = "../shared"\n}\n',
      'east/shared/main.tf': 'output "x" { value = 1 }\n'
    })
    try {
      const { deployments } = await discover(tmp.dir, defaultConfig())
      expect(deployments.map((d) => d.name)).toEqual(['east/app'])
    } finally {
      tmp.cleanup()
    }
  })
})

describe('the shipped aws-fleet example', () => {
  it('has 3 accounts x 2 regions x s3/kms/iam and one combined deployment', async () => {
    const { deployments } = await discover(join(repoRoot, 'examples/aws-fleet'), defaultConfig())
    const accounts = new Set(deployments.map((d) => d.account))
    const regions = new Set(deployments.map((d) => d.region))
    expect(accounts.size).toBeGreaterThanOrEqual(3)
    expect(regions.size).toBeGreaterThanOrEqual(2)
    for (const service of ['s3', 'kms', 'iam']) expect(deployments.filter((d) => d.services.join() === service).length).toBeGreaterThanOrEqual(6)
    expect(deployments.some((d) => d.id.startsWith('combined/'))).toBe(true)
  })
})
