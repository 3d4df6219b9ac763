import { impactedModules } from '../../src/discovery/module-impact.js'
import { selectDeployments } from '../../src/discovery/select-deployments.js'
import type { Deployment, FileChange } from '../../src/model/deployment.js'

const stack = (service: string): Deployment => ({
  id: `${service}/default/toronto/default`,
  name: `toronto/${service}`,
  layout: 'stacks',
  account: 'default',
  region: 'toronto',
  project: 'default',
  services: [service],
  stateKey: `${service}/default/toronto/default/terraform.tfstate`,
  rootDir: service,
  source: `${service}/`
})

const calls = new Map<string, string[]>([
  ['identity', []],
  ['network', []],
  ['compute', ['../modules/compute']],
  ['database', ['../modules/compute']],
  ['loadbalancer', ['../modules/lb']],
  ['../modules/compute', ['../modules/shape-catalog']],
  ['../modules/shape-catalog', []],
  ['../modules/lb', []]
])
const stacks = ['identity', 'network', 'compute', 'database', 'loadbalancer'].map(stack)
const modified = (...paths: string[]): FileChange[] => paths.map((path) => ({ path, status: 'modified' }))

describe('module impact', () => {
  it('follows callers transitively', () => {
    const impacted = impactedModules(calls, ['../modules/shape-catalog/main.tf'])
    expect(impacted.get('../modules/compute')).toEqual(['../modules/shape-catalog', '../modules/compute'])
    expect(impacted.has('../modules/lb')).toBe(false)
  })

  it('ignores documentation', () => {
    expect(impactedModules(calls, ['../modules/compute/README.md']).size).toBe(0)
  })
})

describe('selecting deployments from changes', () => {
  it('selects every stack that calls a changed module, with the module as the reason', () => {
    const { selected } = selectDeployments({ deployments: stacks, calls, changes: modified('../modules/compute/main.tf') })
    expect(selected.map((d) => d.rootDir)).toEqual(['compute', 'database'])
    expect(selected[0]?.reasons[0]).toMatchObject({ kind: 'module-changed', moduleChain: ['../modules/compute'] })
    expect(selected[0]?.reasons[0]?.text).toBe('module ../modules/compute changed')
  })

  it('names the whole chain for a transitive module change', () => {
    const { selected } = selectDeployments({ deployments: stacks, calls, changes: modified('../modules/shape-catalog/shapes.tf') })
    expect(selected.map((d) => d.rootDir)).toEqual(['compute', 'database'])
    expect(selected[1]?.reasons[0]?.text).toBe('module ../modules/shape-catalog changed (via ../modules/compute)')
  })

  it('selects a changed stack only', () => {
    const { selected } = selectDeployments({ deployments: stacks, calls, changes: modified('network/main.tf', 'network/README.md') })
    expect(selected.map((d) => d.rootDir)).toEqual(['network'])
    expect(selected[0]?.reasons).toHaveLength(1)
  })

  const tfvars = (file: string, account: string): Deployment => ({
    ...stack('s3'),
    id: `s3/${account}/r/p`,
    layout: 'tfvars',
    account,
    rootDir: '.',
    varFile: file,
    source: file
  })
  const fleet = [tfvars('deployments/a/p/p.tfvars', 'a'), tfvars('deployments/b/p/p.tfvars', 'b')]
  const fleetCalls = new Map([['.', ['modules/naming']], ['modules/naming', []]])

  it('selects the deployment of a changed tfvars file', () => {
    const { selected } = selectDeployments({ deployments: fleet, calls: fleetCalls, changes: modified('deployments/b/p/p.tfvars') })
    expect(selected.map((d) => d.account)).toEqual(['b'])
    expect(selected[0]?.reasons[0]).toMatchObject({ kind: 'tfvars-changed', file: 'deployments/b/p/p.tfvars' })
  })

  it('selects every deployment when the shared root module changes', () => {
    const { selected } = selectDeployments({ deployments: fleet, calls: fleetCalls, changes: modified('main.tf') })
    expect(selected).toHaveLength(2)
    expect(selected[0]?.reasons[0]?.kind).toBe('root-module-changed')
  })

  it('selects every deployment when a module of the root module changes', () => {
    const { selected } = selectDeployments({ deployments: fleet, calls: fleetCalls, changes: modified('modules/naming/main.tf') })
    expect(selected.map((d) => d.reasons[0]?.kind)).toEqual(['module-changed', 'module-changed'])
  })

  it('reports a deleted tfvars file as removed and destroys nothing', () => {
    const { selected, removed } = selectDeployments({
      deployments: fleet,
      calls: fleetCalls,
      changes: [{ path: 'deployments/c/p/p.tfvars', status: 'deleted' }]
    })
    expect(selected).toEqual([])
    expect(removed).toEqual([{ file: 'deployments/c/p/p.tfvars', text: expect.stringContaining('NOT destroyed') }])
  })

  it('selects nothing for unrelated files', () => {
    expect(selectDeployments({ deployments: fleet, calls: fleetCalls, changes: modified('docs/guide.md', 'other/x.txt') }).selected).toEqual([])
  })
})
