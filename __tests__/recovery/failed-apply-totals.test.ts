import type { DeploymentResult } from '../../src/model/run-result.js'
import { totalsOf } from '../../src/model/run-totals.js'

const result = (over: Partial<DeploymentResult>): DeploymentResult => ({
  id: 'x',
  name: 'x',
  services: [],
  stateKey: 'k',
  reasons: [],
  status: 'succeeded',
  phases: {},
  attempts: 1,
  retries: [],
  durationMs: 1,
  ...over
})
const planned = { create: 3, update: 0, delete: 0, replace: 0 }

describe('run totals with a failed apply', () => {
  it('count what the failed apply really changed, not what it planned', () => {
    const failed = result({ status: 'failed', counts: planned, applyChanges: { added: ['a', 'b'], removed: [], changed: ['c'], afterFrom: 'store' } })
    const ok = result({ applied: true, counts: { create: 1, update: 0, delete: 1, replace: 0 } })
    expect(totalsOf([failed, ok], 'apply')).toMatchObject({ failed: 1, succeeded: 1, created: 3, changed: 1, destroyed: 1 })
  })

  it('add what undoing it did (reapply-previous)', () => {
    const failed = result({
      status: 'failed',
      counts: planned,
      applyChanges: { added: ['a', 'b'], removed: [], changed: [], afterFrom: 'store' },
      recovery: { mode: 'reapply-previous', outcome: 'reapplied', message: '', counts: { create: 0, update: 0, delete: 2, replace: 0 } }
    })
    expect(totalsOf([failed], 'apply')).toMatchObject({ created: 2, destroyed: 2 })
  })

  it('count nothing for a failed apply whose changes are unknown', () => {
    expect(totalsOf([result({ status: 'failed', counts: planned })], 'apply')).toMatchObject({ created: 0 })
  })
})
