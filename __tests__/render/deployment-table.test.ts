import { deploymentRow } from '../../src/render/deployment-table.js'
import type { DeploymentResult } from '../../src/model/run-result.js'

const base: DeploymentResult = {
  id: 'kms/acct/us-east-1/keys', name: 'keys', services: ['kms'], stateKey: 'kms/acct/us-east-1/keys/terraform.tfstate',
  reasons: [{ kind: 'all', text: 'all' }], status: 'failed', phases: {}, attempts: 1, retries: [], durationMs: 1200,
  counts: { create: 4, update: 0, delete: 0, replace: 0 }, error: 'apply failed (exit 1): Error: boom\nmore detail'
}

describe('deployment table row', () => {
  it('shows the planned counts, and the first line of a multi-line error', () => {
    const row = deploymentRow(base)
    expect(row.slice(2, 5)).toEqual(['4', '0', '0'])
    expect(row[7]).toContain('apply failed (exit 1): Error: boom')
    expect(row[7]).not.toContain('more detail')
  })

  it('counts what a failed apply really changed, not what it planned', () => {
    const row = deploymentRow({ ...base, applyChanges: { added: ['a', 'b', 'boom'], changed: [], removed: ['old'], afterFrom: 'store' } })
    expect(row.slice(2, 5)).toEqual(['3', '0', '1'])
    expect(row[7]).toContain('what the failed apply really changed')
  })
})
