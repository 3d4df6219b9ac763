import { defaultConfig } from '../../src/config/parse-config.js'
import { discover } from '../../src/discovery/io/discover.js'
import { loadWorkspace } from '../../src/app/load-workspace.js'
import { lineOfAttribute } from '../../src/discovery/source-lines.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('JSON syntax, as OpenTofu accepts it', () => {
  it('makes a deployment of every .tfvars.json file, but not of terraform.tfvars.json', async () => {
    const tmp = tempDir({
      'main.tf': 'variable "account_name" {}\n',
      'd/json-proj/json-proj.tfvars.json': '{\n  "account_name": "acct",\n  "region": "us-east-1",\n  "kms_keys": {}\n}\n',
      'd/hcl-proj/hcl-proj.tfvars': 'account_name = "acct"\nregion = "us-east-1"\ns3_buckets = {}\n',
      'terraform.tfvars.json': '{"region": "ignored"}',
      'x.auto.tfvars.json': '{"region": "ignored"}'
    })
    try {
      const { deployments } = await discover(tmp.dir, defaultConfig())
      expect(deployments.map((d) => [d.id, d.varFile])).toEqual([
        ['s3/acct/us-east-1/hcl-proj', 'd/hcl-proj/hcl-proj.tfvars'],
        ['kms/acct/us-east-1/json-proj', 'd/json-proj/json-proj.tfvars.json']
      ])
      const ws = await loadWorkspace({ workingDir: tmp.dir, changedFiles: `${tmp.dir}/d/json-proj/json-proj.tfvars.json` })
      expect(ws.selection.selected.map((d) => d.reasons[0]?.text)).toEqual(['changed d/json-proj/json-proj.tfvars.json'])
    } finally {
      tmp.cleanup()
    }
  })

  it('names file and line of an invalid or wrong .tfvars.json', async () => {
    const broken = tempDir({ 'main.tf': '', 'd/p/p.tfvars.json': '{\n  "account_name": "a",\n  "region": }\n' })
    const invalid = tempDir({ 'main.tf': '', 'd/p/p.tfvars.json': '{\n  "region": "r",\n  "account_name": "../x"\n}\n' })
    const list = tempDir({ 'main.tf': '', 'd/p/p.tfvars.json': '["a"]' })
    try {
      await expect(discover(broken.dir, defaultConfig())).rejects.toThrow(/^tfvars syntax error: d\/p\/p\.tfvars\.json(:3)?: invalid JSON: /)
      await expect(discover(invalid.dir, defaultConfig())).rejects.toThrow('d/p/p.tfvars.json:3: account "../x" is not a valid name')
      await expect(discover(list.dir, defaultConfig())).rejects.toThrow('d/p/p.tfvars.json:1: the JSON must be an object')
    } finally {
      for (const t of [broken, invalid, list]) t.cleanup()
    }
  })

  it('finds stacks written as .tf.json and follows their module calls', async () => {
    const tmp = tempDir({
      'east/app/main.tf.json': JSON.stringify({ module: { shared: { source: '../../modules/shared' } } }),
      'east/db/main.tf.json': JSON.stringify({ module: [{ shared: { source: '../../modules/shared' } }] }),
      'modules/shared/main.tf.json': '{}',
      'east/net/main.tf': ''
    })
    try {
      const { deployments, calls } = await discover(tmp.dir, defaultConfig())
      expect(deployments.map((d) => d.name)).toEqual(['east/app', 'east/db', 'east/net'])
      expect(calls.get('east/app')).toEqual(['modules/shared'])
      expect(calls.get('east/db')).toEqual(['modules/shared'])
    } finally {
      tmp.cleanup()
    }
  })

  it('detects the tfvars layout from a root module written as .tf.json', async () => {
    const tmp = tempDir({ 'main.tf.json': '{"variable": {"region": {}}}', 'd/p/p.tfvars': 'account_name = "a"\nregion = "r"\n' })
    try {
      expect((await discover(tmp.dir, defaultConfig())).deployments.map((d) => d.id)).toEqual(['general/a/r/p'])
    } finally {
      tmp.cleanup()
    }
  })

  it('finds the line of an attribute in either syntax', () => {
    expect(lineOfAttribute('a = 1\nregion = "r"\n', 'region')).toBe(2)
    expect(lineOfAttribute('{\n  "a": 1,\n  "region": "r"\n}', 'region')).toBe(3)
    expect(lineOfAttribute('{"a": 1}', 'region')).toBeUndefined()
  })
})
