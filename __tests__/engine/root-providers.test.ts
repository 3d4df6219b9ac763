import { rootProviders } from '../../src/engine/root-providers.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('which providers the first init of a root module may install', () => {
  it('reads required_providers, providers implied by resources, local modules, and the lock file', async () => {
    const tmp = tempDir({
      'live/net/main.tf': [
        'terraform {',
        '  required_providers {',
        '    aws    = { source = "hashicorp/aws", version = "= 5.1.0" }',
        '    random = { source = "hashicorp/random", version = "~> 3.0" }',
        '  }',
        '}',
        'resource "aws_vpc" "x" {}',
        'resource "terraform_data" "y" {}',
        '# resource "google_thing" "commented" {}',
        'data "http" "z" { url = "https://example.com" }',
        'module "naming" {',
        '  source = "../../modules/naming"',
        '}'
      ].join('\n'),
      'modules/naming/main.tf': 'terraform {\n  required_providers {\n    tls = { source = "hashicorp/tls", version = "4.0.4" }\n  }\n}\n',
      'live/net/.terraform.lock.hcl': 'provider "registry.opentofu.org/hashicorp/random" {\n  version     = "3.6.0"\n  constraints = "~> 3.0"\n}\n'
    })
    try {
      expect([...((await rootProviders(`${tmp.dir}/live/net`)) ?? [])].sort()).toEqual(['aws@5.1.0', 'http@?', 'random@3.6.0', 'tls@4.0.4'])
    } finally {
      tmp.cleanup()
    }
  })

  it('cannot know them before init when a module comes from a registry or git', async () => {
    const tmp = tempDir({ 'root/main.tf': 'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n}\n' })
    try {
      expect(await rootProviders(`${tmp.dir}/root`)).toBeUndefined()
    } finally {
      tmp.cleanup()
    }
  })
})
