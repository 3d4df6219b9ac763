import { readFileSync } from 'node:fs'
import { formatCounts, summarizePlan } from '../../src/terraform/plan-summary.js'

const recorded = (name: string): unknown => JSON.parse(readFileSync(`__tests__/data/plans/${name}`, 'utf8'))

describe('plan summary', () => {
  it('counts a recorded create plan', () => {
    expect(summarizePlan(recorded('aws-fleet-combined-create.json'))).toEqual({ create: 4, update: 0, delete: 0, replace: 0, hasChanges: true })
  })

  it('sees no changes in a recorded no-op plan', () => {
    expect(summarizePlan(recorded('aws-fleet-s3-no-changes.json'))).toEqual({ create: 0, update: 0, delete: 0, replace: 0, hasChanges: false })
  })

  it('counts replacements once, not as a create and a delete', () => {
    const plan = {
      resource_changes: [
        { change: { actions: ['delete', 'create'] } },
        { change: { actions: ['create', 'delete'] } },
        { change: { actions: ['update'] } },
        { change: { actions: ['delete'] } },
        { change: { actions: ['read'] } },
        { change: { actions: ['no-op'] } }
      ]
    }
    const summary = summarizePlan(plan)
    expect(summary).toEqual({ create: 0, update: 1, delete: 1, replace: 2, hasChanges: true })
    expect(formatCounts(summary)).toBe('+0 ~1 -1 ±2')
  })

  it('treats an output-only change as a change', () => {
    expect(summarizePlan({ resource_changes: [], output_changes: { x: { actions: ['create'] } } }).hasChanges).toBe(true)
  })
})
