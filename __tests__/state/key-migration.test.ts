import { planKeyMigration } from '../../src/state/key-migration.js'
import { stateChange, summarizeState } from '../../src/state/state-diff.js'

const d = (account: string, project: string, services = ['iam']) => ({
  id: `${services.length > 1 ? 'combined' : services[0]}/${account}/us-east-1/${project}`,
  source: `d/${project}.tfvars`,
  stateKey: `${services.length > 1 ? 'combined' : services[0]}/${account}/us-east-1/${project}/terraform.tfstate`,
  services,
  account,
  region: 'us-east-1',
  project
})

describe('planning a key migration', () => {
  it('maps each deployment from the old template to its current key', () => {
    const plan = planKeyMigration([d('a', 'p1'), d('a', 'p2', ['kms', 's3'])], '{account}/{region}/{project}.tfstate', 'combined')
    expect(plan).toEqual({
      moves: [
        { id: 'combined/a/us-east-1/p2', source: 'd/p2.tfvars', from: 'a/us-east-1/p2.tfstate', to: 'combined/a/us-east-1/p2/terraform.tfstate' },
        { id: 'iam/a/us-east-1/p1', source: 'd/p1.tfvars', from: 'a/us-east-1/p1.tfstate', to: 'iam/a/us-east-1/p1/terraform.tfstate' }
      ],
      unchanged: [],
      conflicts: []
    })
    expect(planKeyMigration([d('a', 'p1')], '{service}/{account}/{region}/{project}/terraform.tfstate', 'combined')).toMatchObject({ moves: [], unchanged: ['iam/a/us-east-1/p1'] })
  })

  it('reports deployments sharing one old key and a target that is another move source', () => {
    expect(planKeyMigration([d('a', 'p1'), d('a', 'p2'), d('b', 'p3')], '{account}/{region}/terraform.tfstate', 'c').conflicts).toEqual([
      '2 deployments would take their state from one old key a/us-east-1/terraform.tfstate: iam/a/us-east-1/p1, iam/a/us-east-1/p2'
    ])
    const chained = planKeyMigration([d('a', 'p1'), { ...d('a', 'p2'), stateKey: 'x/a/us-east-1/p1/terraform.tfstate' }], 'x/{account}/{region}/{project}/terraform.tfstate', 'c')
    expect(chained.conflicts).toEqual(["iam/a/us-east-1/p2's new key x/a/us-east-1/p1/terraform.tfstate is the old key of another deployment"])
  })

  it('refuses unknown placeholders and unusable keys', () => {
    expect(() => planKeyMigration([d('a', 'p')], '{account_id}/{region}/terraform.tfstate', 'c')).toThrow('unknown placeholder {account_id} in --from')
    expect(() => planKeyMigration([d('a', 'p')], '/{account}/x.tfstate', 'c')).toThrow('must not start with "/"')
  })
})

describe('comparing two states', () => {
  const state = (serial: number, resources: unknown[]) => JSON.stringify({ version: 4, serial, resources })
  it('lists managed instances by address; data sources are never orphans', () => {
    const now = summarizeState(
      state(8, [
        { module: 'module.m', mode: 'managed', type: 't', name: 'x', instances: [{ index_key: 'k' }, { index_key: 0 }] },
        { mode: 'data', type: 'd', name: 'y', instances: [{}] },
        { mode: 'managed', type: 't', name: 'z', instances: [{}] }
      ]),
      'current'
    )
    expect(now).toEqual({ serial: 8, addresses: ['module.m.t.x["k"]', 'module.m.t.x[0]', 't.z'] })
    const backup = summarizeState(state(6, [{ mode: 'managed', type: 't', name: 'z', instances: [{}] }, { mode: 'managed', type: 't', name: 'w', instances: [{}] }]), 'b')
    expect(stateChange(now, backup)).toEqual({ orphans: ['module.m.t.x["k"]', 'module.m.t.x[0]'], added: ['t.w'], serial: { from: 8, to: 6 } })
    expect(() => summarizeState('not json', 'backups/x')).toThrow(/^backups\/x is not a state file/)
  })
})
