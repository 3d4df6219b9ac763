import { changedAnything, describeChanges, orphansOf, stateChanges } from '../../src/recovery/state-changes.js'
import { addressesOf, snapshotOf } from '../../src/recovery/state-snapshot.js'

/** A raw state file (format version 4) as `state pull` prints it. */
const raw = (serial: number, resources: unknown[]): string => JSON.stringify({ version: 4, serial, lineage: 'L1', resources })
const data = (name: string, keys: (number | string | undefined)[], input = 'x', module?: string) => ({
  ...(module ? { module } : {}),
  mode: 'managed',
  type: 'terraform_data',
  name,
  instances: keys.map((k) => ({ ...(k === undefined ? {} : { index_key: k }), attributes: { input } }))
})

describe('reading a state', () => {
  it('names every managed instance as OpenTofu prints it, and leaves data sources out', () => {
    const s = snapshotOf(
      raw(7, [data('a', [0, 1]), data('b', ['k']), data('c', [undefined], 'x', 'module.m'), { mode: 'data', type: 'x', name: 'd', instances: [{}] }]),
      'state'
    )
    expect(s.serial).toBe(7)
    expect(s.lineage).toBe('L1')
    expect(addressesOf(s)).toEqual(['module.m.terraform_data.c', 'terraform_data.a[0]', 'terraform_data.a[1]', 'terraform_data.b["k"]'])
  })

  it('reads `show -json` of a state, child modules included', () => {
    const shown = {
      format_version: '1.0',
      values: {
        root_module: {
          resources: [{ address: 'terraform_data.a', mode: 'managed', values: { input: 1 } }, { address: 'data.x.y', mode: 'data' }],
          child_modules: [{ resources: [{ address: 'module.m.terraform_data.b[0]', mode: 'managed', values: {} }] }]
        }
      }
    }
    expect(addressesOf(snapshotOf(JSON.stringify(shown), 'shown'))).toEqual(['module.m.terraform_data.b[0]', 'terraform_data.a'])
  })

  it('takes empty output as no state, and names what is not a state', () => {
    expect(snapshotOf('  \n', 'pull')).toEqual({ resources: {} })
    expect(() => snapshotOf('{oops', 'errored.tfstate')).toThrow(/^errored.tfstate is not a state/)
  })
})

describe('what a failed apply changed', () => {
  const before = snapshotOf(raw(4, [data('keep', [0]), data('gone', [0]), data('edit', [0], 'old')]), 'before')
  const after = snapshotOf(raw(5, [data('keep', [0]), data('edit', [0], 'new'), data('new', [0, 1])]), 'after')

  it('lists created, updated and destroyed resources and both serials', () => {
    const c = stateChanges(before, after)
    expect(c).toEqual({
      serialBefore: 4,
      serialAfter: 5,
      added: ['terraform_data.new[0]', 'terraform_data.new[1]'],
      removed: ['terraform_data.gone[0]'],
      changed: ['terraform_data.edit[0]'],
      afterFrom: 'store'
    })
    expect(changedAnything(c)).toBe(true)
    expect(describeChanges(c)).toBe(
      'serial 4 -> 5; +2 ~1 -1; created: terraform_data.new[0], terraform_data.new[1]; updated: terraform_data.edit[0]; destroyed: terraform_data.gone[0]'
    )
  })

  it('counts everything as created when there was no state, and nothing when the state is the same', () => {
    expect(stateChanges(undefined, after, 'errored-state')).toMatchObject({ added: addressesOf(after), removed: [], changed: [], afterFrom: 'errored-state' })
    expect(changedAnything(stateChanges(before, before))).toBe(false)
    // A new serial alone (outputs written) is a change too.
    expect(changedAnything(stateChanges(before, { ...before, serial: 5 }))).toBe(true)
  })
})

describe('the orphan check', () => {
  it('lists resources the current state has and the replacement lacks', () => {
    const backup = snapshotOf(raw(4, [data('a', [0])]), 'backup')
    const current = snapshotOf(raw(6, [data('a', [0]), data('b', [0, 1])]), 'current')
    expect(orphansOf(current, backup)).toEqual(['terraform_data.b[0]', 'terraform_data.b[1]'])
    expect(orphansOf(backup, current)).toEqual([])
    expect(orphansOf(undefined, backup)).toEqual([])
  })
})
