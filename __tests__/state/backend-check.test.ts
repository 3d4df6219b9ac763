import { checkBackends } from '../../src/app/check-backend.js'
import { parseConfig } from '../../src/config/parse-config.js'
import { backendBlocks } from '../../src/state/backend-block.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('finding backend blocks', () => {
  it('finds the block inside the terraform block, with its line', () => {
    expect(backendBlocks('terraform {\n  required_version = ">= 1.6"\n\n  backend "s3" {\n    key = "x"\n  }\n}\n')).toEqual([{ type: 's3', line: 4 }])
    expect(backendBlocks('terraform {\n  cloud {\n    organization = "o"\n  }\n}\n')).toEqual([{ type: 'cloud', line: 2 }])
  })

  it('is not fooled by comments, strings, heredocs or blocks elsewhere', () => {
    const text = [
      '# backend "s3" {}',
      '/* terraform { backend "s3" {} } */',
      'locals {',
      '  doc = <<-EOT',
      '    terraform { backend "gcs" {} }',
      '    EOT',
      '  s = "terraform { backend \\"azurerm\\" {} }"',
      '}',
      'resource "x" "backend" {',
      '  backend "nested" {}',
      '}',
      'terraform {',
      '  // backend "s3" {}',
      '  backend "local" {} # the real one',
      '}'
    ].join('\n')
    expect(backendBlocks(text)).toEqual([{ type: 'local', line: 14 }])
  })
})

describe('checking the root modules against state.type', () => {
  const tmp = tempDir({
    'fleet/versions.tf': 'terraform {\n  required_version = ">= 1.6"\n  backend "local" {}\n}\n',
    'fleet/main.tf': 'resource "terraform_data" "x" {}\n',
    'stacks/east/net/main.tf': 'terraform {\n  backend "s3" {}\n}\n',
    'stacks/east/none/main.tf': 'resource "terraform_data" "x" {}\n',
    'stacks/east/two/a.tf': 'terraform {\n  backend "s3" {}\n}\n',
    'stacks/east/two/b.tf': '\nterraform {\n  backend "s3" {}\n}\n'
  })
  afterAll(() => tmp.cleanup())
  const s3 = parseConfig('state:\n  type: s3\n  bucket: states\n  region: us-east-1\n', '.tf-orchestrator.yml')
  const local = parseConfig('state:\n  type: local\n', '.tf-orchestrator.yml')

  it('accepts modules whose backend matches', async () => {
    await expect(checkBackends(tmp.dir, local, [{ rootDir: 'fleet' }, { rootDir: 'fleet' }])).resolves.toBeUndefined()
    await expect(checkBackends(tmp.dir, s3, [{ rootDir: 'stacks/east/net' }])).resolves.toBeUndefined()
  })

  it('names the file and line of a backend that does not match, either way', async () => {
    await expect(checkBackends(tmp.dir, s3, [{ rootDir: 'fleet' }])).rejects.toThrow(
      'fleet/versions.tf:3: backend "local" does not match state.type: s3 in the configuration (declare `backend "s3" {}`, or change state.type)'
    )
    await expect(checkBackends(tmp.dir, local, [{ rootDir: 'stacks/east/net' }])).rejects.toThrow('stacks/east/net/main.tf:2: backend "s3" does not match state.type: local')
  })

  it('refuses a module without a backend block (its deployments would share one state) and one with two', async () => {
    const error = await checkBackends(tmp.dir, s3, [{ rootDir: 'stacks/east/none' }, { rootDir: 'stacks/east/two' }, { rootDir: 'stacks/east/net' }]).catch((e: Error) => e)
    expect((error as Error).name).toBe('ConfigError')
    expect((error as Error).message.split('\n')).toEqual([
      "the root modules' backend does not match the state store (.tf-orchestrator.yml):",
      '  root module stacks/east/none: declares no backend block, so every deployment of it would share one state file: add `backend "s3" {}` to its terraform block',
      '  root module stacks/east/two: more than one backend block: stacks/east/two/a.tf:2, stacks/east/two/b.tf:3'
    ])
  })
})
