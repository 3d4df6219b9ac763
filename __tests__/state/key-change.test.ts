import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import type { RunSummary } from '../../src/model/run-result.js'
import { localObjectStore } from '../../src/state/io/local-object-store.js'
import { readKeyRecord } from '../../src/state/io/key-records.js'
import { lastSummary } from '../helpers/stacks.js'
import { tempDir } from '../helpers/temp-dir.js'

// One shared root module; the deployment's services (so its state key) come from its tfvars keys.
const ROOT = `terraform {
  backend "local" {}
}
variable "account_name" { type = string }
variable "region" { type = string }
variable "iam_roles" {
  type    = map(any)
  default = {}
}
variable "kms_keys" {
  type    = map(any)
  default = {}
}
resource "terraform_data" "iam_role" {
  for_each = var.iam_roles
  input    = each.key
}
resource "terraform_data" "kms_key" {
  for_each = var.kms_keys
  input    = each.key
}
`
const IAM_ONLY = 'account_name = "acct"\nregion = "us-east-1"\niam_roles = { ci = {} }\n'
const WITH_KMS = `${IAM_ONLY}kms_keys = { data = {} }\n`
const OLD = 'iam/acct/us-east-1/app/terraform.tfstate'
const NEW = 'combined/acct/us-east-1/app/terraform.tfstate'
const config = (follow: boolean): string => `policies:\n  mode: "off"\nstate:\n  type: local\n  follow_key_changes: ${follow}\n`

const quiet = { out: () => undefined, err: () => undefined }
const tmp = tempDir({ 'main.tf': ROOT, 'd/app/app.tfvars': IAM_ONLY, '.tf-orchestrator.yml': config(false) })
afterAll(() => tmp.cleanup())
const stateDir = join(tmp.dir, '.tf-orchestrator', 'state')
const only = (): RunSummary['deployments'][number] => lastSummary(tmp.dir).deployments[0] as RunSummary['deployments'][number]
const addressesIn = (key: string): string[] =>
  (JSON.parse(readFileSync(join(stateDir, ...key.split('/')), 'utf8')) as { resources: { type: string; name: string; instances: { index_key: string }[] }[] }).resources
    .flatMap((r) => r.instances.map((i) => `${r.type}.${r.name}["${i.index_key}"]`))
    .sort()
/** What the last run's plan creates, by address. */
const plannedCreates = (): string[] =>
  (JSON.parse(readFileSync(only().planJsonFile as string, 'utf8')) as { resource_changes: { address: string; change: { actions: string[] } }[] }).resource_changes
    .filter((c) => c.change.actions.includes('create'))
    .map((c) => c.address)

describe('a deployment whose state key moves (real OpenTofu, local state)', () => {
  it('records the key it applied to, refuses when the key moves, and with follow_key_changes moves the state so nothing is planned twice', async () => {
    expect(await runCli(['apply', '--all', '-w', tmp.dir], quiet)).toBe(0)
    expect(only()).toMatchObject({ id: 'iam/acct/us-east-1/app', status: 'succeeded', applied: true, backup: { status: 'no-previous-state' } })
    expect(await readKeyRecord(localObjectStore(stateDir), 'd/app/app.tfvars')).toMatchObject({ stateKey: OLD })

    // Adding a KMS key makes the file a combined deployment: its computed key moves.
    tmp.write('d/app/app.tfvars', WITH_KMS)
    expect(await runCli(['apply', '--all', '-w', tmp.dir], quiet)).toBe(1)
    expect(only()).toMatchObject({
      id: 'combined/acct/us-east-1/app',
      status: 'blocked',
      error: expect.stringContaining(
        `the state key of d/app/app.tfvars moved: it last applied to ${OLD}, it now computes ${NEW}; planning at the new key would create everything again. ` +
          `Move the state first: tf-orchestrator state migrate combined/acct/us-east-1/app --from '${OLD}' --yes`
      )
    })
    expect(only().phases.init).toBeUndefined()
    expect(existsSync(join(stateDir, ...NEW.split('/')))).toBe(false)

    tmp.write('.tf-orchestrator.yml', config(true))
    // A plan reads the state where it still is and moves nothing.
    expect(await runCli(['plan', '--all', '-w', tmp.dir], quiet)).toBe(0)
    expect(plannedCreates()).toEqual(['terraform_data.kms_key["data"]'])
    expect(existsSync(join(stateDir, ...NEW.split('/')))).toBe(false)

    expect(await runCli(['apply', '--all', '-w', tmp.dir], quiet)).toBe(0)
    expect(only()).toMatchObject({ status: 'succeeded', applied: true, counts: { create: 1, update: 0, delete: 0 }, backup: { status: 'backed-up' } })
    expect(plannedCreates()).toEqual(['terraform_data.kms_key["data"]'])
    expect(addressesIn(NEW)).toEqual(['terraform_data.iam_role["ci"]', 'terraform_data.kms_key["data"]'])
    expect(addressesIn(OLD)).toEqual(['terraform_data.iam_role["ci"]']) // the old object is kept
    expect(await readKeyRecord(localObjectStore(stateDir), 'd/app/app.tfvars')).toMatchObject({ stateKey: NEW })

    expect(await runCli(['plan', '--all', '-w', tmp.dir], quiet)).toBe(0)
    expect(only()).toMatchObject({ status: 'succeeded', hasChanges: false })
  })
})
