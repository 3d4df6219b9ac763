import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import type { DeploymentResult } from '../../src/model/run-result.js'
import { lastSummary, stackModule } from '../helpers/stacks.js'
import { tempDir } from '../helpers/temp-dir.js'

// network's outputs are read by compute through terraform_remote_state on network's local state file.
const network = (name: string, other: string): string =>
  `terraform {\n  backend "local" {}\n}\noutput "name" {\n  value = "${name}"\n}\noutput "other" {\n  value = "${other}"\n}\n`
const compute = (networkState: string): string => `terraform {
  backend "local" {}
}
data "terraform_remote_state" "network" {
  backend = "local"
  config = {
    path = "${networkState}"
  }
}
resource "terraform_data" "server" {
  input = data.terraform_remote_state.network.outputs.name
}
`

const quiet = { out: () => undefined, err: () => undefined }
const config = 'policies:\n  mode: "off"\nservice_dependencies:\n  loadbalancer: [network, compute]\n'
const tmp = tempDir({ '.tf-orchestrator.yml': config, 'east/network/main.tf': network('net-1', 'x'), 'east/loadbalancer/main.tf': stackModule() })
tmp.write('east/compute/main.tf', compute(join(tmp.dir, '.tf-orchestrator/state/network/default/east/default/terraform.tfstate')))
afterAll(() => tmp.cleanup())

const NET = 'network/default/east/default'
const COMPUTE = 'compute/default/east/default'
const byId = (): Map<string, DeploymentResult> => new Map(lastSummary(tmp.dir).deployments.map((d) => [d.id, d]))
const reviewed = async (sha: string): Promise<number> => {
  expect(await runCli(['plan', '--all', '-w', tmp.dir, '--review', `acme/infra#9@${sha}`], quiet)).toBe(0)
  // The reviewed plan of compute saw network's outputs as they were: no changes.
  expect(byId().get(COMPUTE)).toMatchObject({ hasChanges: false })
  return runCli(['apply', '--all', '-w', tmp.dir, '--review', `acme/infra#9@${sha}`], quiet)
}

describe('a downstream deployment that reads an upstream output applied in the same run (real OpenTofu)', () => {
  beforeAll(async () => {
    expect(await runCli(['apply', '--all', '-w', tmp.dir], quiet)).toBe(0)
  })

  it('is planned again; a refresh-only difference (an output it does not use) is not a change', async () => {
    tmp.write('east/network/main.tf', network('net-1', 'y'))
    expect(await reviewed('aaaa111')).toBe(0)
    const results = byId()
    expect(results.get(NET)).toMatchObject({ status: 'succeeded', applied: true, reviewedPlan: { used: true } })
    const downstream = results.get(COMPUTE) as DeploymentResult
    expect(downstream).toMatchObject({ status: 'succeeded', hasChanges: false, reviewedPlan: { used: false, reason: expect.stringContaining(`${NET} applied changes in this run`) } })
    expect(downstream.phases.plan).toBeDefined()
    expect(readFileSync(downstream.logFile as string, 'utf8')).toContain('the new plan has the same resource changes as the reviewed one')
    expect(results.get('loadbalancer/default/east/default')).toMatchObject({ status: 'succeeded', reviewedPlan: { used: true } })
  })

  it('is refused with the diff when the new upstream output changes its plan, and its dependents are skipped', async () => {
    tmp.write('east/network/main.tf', network('net-2', 'y'))
    expect(await reviewed('bbbb222')).toBe(1)
    const results = byId()
    expect(results.get(NET)).toMatchObject({ status: 'succeeded', applied: true })
    const downstream = results.get(COMPUTE) as DeploymentResult
    expect(downstream.status).toBe('blocked')
    expect(downstream.error).toContain(`plan-changed: the changes differ from the reviewed plan (it reads data and ${NET} applied changes in this run after the review)`)
    expect(downstream.reviewedPlan?.diff).toContain('  + terraform_data.server: update planned now, not in the reviewed plan\n      input: "net-1" -> "net-2"')
    expect(downstream.applied).toBeUndefined()
    expect(results.get('loadbalancer/default/east/default')).toMatchObject({ status: 'skipped', skippedBecause: COMPUTE })
  })
})
