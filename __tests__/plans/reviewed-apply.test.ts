import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readEnvironment } from '../../src/app/environment.js'
import { runCli } from '../../src/cli/main.js'
import type { DeploymentResult } from '../../src/model/run-result.js'
import { localObjectStore } from '../../src/state/io/local-object-store.js'
import { storedPlanKeys } from '../../src/plans/review-ref.js'
import { lastSummary, stackModule } from '../helpers/stacks.js'
import { tempDir } from '../helpers/temp-dir.js'

// network (changed by each pull request) <- compute <- loadbalancer (service dependencies).
const network = (extra: string[] = []): string =>
  [
    'terraform {\n  backend "local" {}\n}',
    'variable "x" {\n  type    = string\n  default = "a"\n}',
    'resource "terraform_data" "base" {\n  input = "base"\n}',
    'resource "terraform_data" "a" {\n  input = var.x\n}',
    ...extra.map((name) => `resource "terraform_data" "${name}" {\n  input = "${name}"\n}`)
  ].join('\n')

const quiet = { out: () => undefined, err: () => undefined }
const tmp = tempDir({
  '.tf-orchestrator.yml': 'policies:\n  mode: "off"\n',
  'east/network/main.tf': network(),
  'east/compute/main.tf': stackModule(),
  'east/loadbalancer/main.tf': stackModule()
})
afterAll(() => tmp.cleanup())

const NET = 'network/default/east/default'
const stateDir = join(tmp.dir, '.tf-orchestrator', 'state')
const objects = localObjectStore(stateDir)
const stateFile = join(stateDir, NET, 'terraform.tfstate')
const state = (): { serial: number; lineage: string; resources: { name: string }[] } => JSON.parse(readFileSync(stateFile, 'utf8'))
const review = (sha: string): { repository: string; pullRequest: number; headSha: string } => ({ repository: 'acme/infra', pullRequest: 7, headSha: sha })
const flag = (sha: string): string => `acme/infra#7@${sha}`
const byId = (): Map<string, DeploymentResult> => new Map(lastSummary(tmp.dir).deployments.map((d) => [d.id, d]))
const net = (): DeploymentResult => byId().get(NET) as DeploymentResult
const log = (): string => readFileSync(net().logFile as string, 'utf8')
/** Another apply between review and merge: the state is written again (its serial moves on). */
const anotherApply = (): void => writeFileSync(stateFile, JSON.stringify({ ...state(), serial: state().serial + 1 }))

describe('applying exactly the reviewed plan (real OpenTofu, local state store)', () => {
  beforeAll(async () => {
    expect(await runCli(['apply', '--all', '-w', tmp.dir], quiet)).toBe(0)
  })

  it('stores the plans of a pull request and applies them on merge without planning again, then deletes them', async () => {
    tmp.write('east/network/main.tf', network(['c']))
    expect(await runCli(['plan', '--all', '-w', tmp.dir, '--review', flag('abc1234')], quiet)).toBe(0)
    const keys = storedPlanKeys(review('abc1234'), NET)
    expect(await objects.head(keys.plan)).toBeDefined()
    expect(JSON.parse(readFileSync(join(stateDir, keys.json), 'utf8')).resource_changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ address: 'terraform_data.c', change: expect.objectContaining({ actions: ['create'] }) })])
    )
    const meta = JSON.parse(readFileSync(join(stateDir, keys.meta), 'utf8'))
    expect(meta).toMatchObject({ serial: state().serial, lineage: state().lineage, configHash: expect.stringMatching(/^[0-9a-f]{64}$/), hasChanges: true, deploymentId: NET })
    expect(net().reviewedPlan).toEqual({ used: false, stored: keys.folder })

    expect(await runCli(['apply', '--all', '-w', tmp.dir, '--review', flag('abc1234')], quiet)).toBe(0)
    expect(net()).toMatchObject({ status: 'succeeded', applied: true, reviewedPlan: { used: true } })
    expect(net().phases.plan).toBeUndefined()
    expect(log()).toContain('applying the reviewed plan stored by run')
    expect(log()).not.toContain('=== plan (')
    expect(state().resources.map((r) => r.name)).toContain('c')
    // Spent: every stored plan of the review is gone (compute and loadbalancer had nothing to apply).
    expect(await objects.list('reviewed-plans/acme/infra/pr-7/abc1234/')).toEqual([])
  })

  it('plans again after another apply and applies the new plan when its changes are the reviewed ones', async () => {
    tmp.write('east/network/main.tf', network(['c', 'd']))
    expect(await runCli(['plan', '--all', '-w', tmp.dir, '--review', flag('def5678')], quiet)).toBe(0)
    anotherApply()
    expect(await runCli(['apply', '--all', '-w', tmp.dir, '--review', flag('def5678')], quiet)).toBe(0)
    expect(net()).toMatchObject({ status: 'succeeded', applied: true, reviewedPlan: { used: false, reason: expect.stringContaining('another apply since review') } })
    expect(net().phases.plan?.exitCode).toBe(2)
    expect(log()).toContain('the new plan has the same resource changes as the reviewed one: applying it')
    expect(state().resources.map((r) => r.name)).toContain('d')
  })

  it('refuses a deployment whose changes differ from the reviewed ones, with a diff, and skips its dependents', async () => {
    tmp.write('east/network/main.tf', network(['c', 'd', 'e']))
    expect(await runCli(['plan', '--all', '-w', tmp.dir, '--review', flag('0123abc')], quiet)).toBe(0)
    anotherApply()
    const env = readEnvironment({ ...process.env, TF_VAR_x: 'z' }, false)
    expect(await runCli(['apply', '--all', '-w', tmp.dir, '--review', flag('0123abc')], quiet, env)).toBe(1)
    const results = byId()
    const refused = results.get(NET) as DeploymentResult
    expect(refused.status).toBe('blocked')
    expect(refused.error).toMatch(/^plan-changed: the changes differ from the reviewed plan \(the state's serial is \d+/)
    expect(refused.reviewedPlan?.diff).toBe(
      ['1 resource change(s) differ from the reviewed plan:', '  + terraform_data.a: update planned now, not in the reviewed plan', '      input: "a" -> "z"', '      output: "a" -> (known after apply)'].join(
        '\n'
      )
    )
    expect(results.get('compute/default/east/default')).toMatchObject({ status: 'skipped', skippedBecause: NET })
    expect(results.get('loadbalancer/default/east/default')).toMatchObject({ status: 'skipped' })
    expect(state().resources.map((r) => r.name)).not.toContain('e')
    // Kept: a refused plan is not spent.
    expect(existsSync(join(stateDir, storedPlanKeys(review('0123abc'), NET).meta))).toBe(true)
  })

  it('prunes a stored plan past its retention and refuses to apply without one', async () => {
    const keys = storedPlanKeys(review('0123abc'), NET)
    const meta = JSON.parse(readFileSync(join(stateDir, keys.meta), 'utf8'))
    writeFileSync(join(stateDir, keys.meta), JSON.stringify({ ...meta, expiresAt: new Date(Date.now() - 1000).toISOString() }))
    expect(await runCli(['apply', '--all', '-w', tmp.dir, '--review', flag('0123abc')], quiet)).toBe(1)
    expect(net()).toMatchObject({ status: 'blocked', reviewedPlan: { used: false, reason: 'no-reviewed-plan' } })
    expect(net().error).toMatch(/^no-reviewed-plan: no usable reviewed plan of network\/default\/east\/default for acme\/infra#7@0123abc: none is stored \(never planned with --review, blocked at review, or expired and pruned\)$/)
    expect(log()).toMatch(/deleted \d+ expired stored plan\(s\)/)
    expect(await objects.list(keys.folder)).toEqual([])
    expect(net().phases.init).toBeDefined()
    expect(net().phases.plan).toBeUndefined()
  })
})
