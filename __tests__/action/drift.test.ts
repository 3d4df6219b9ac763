import { driftedDeployments, driftFailure } from '../../src/action/drift.js'
import type { DeploymentResult, RunSummary } from '../../src/model/run-result.js'

const result = (id: string, status: DeploymentResult['status'], hasChanges: boolean): DeploymentResult => ({ id, status, hasChanges }) as DeploymentResult
const summary = (...deployments: DeploymentResult[]): RunSummary => ({ deployments }) as RunSummary

describe('drift outcome of the action', () => {
  it('fails the job only with fail-on-drift and drift, naming the deployments', () => {
    expect(driftFailure(['network/a/r/p'], false)).toBeUndefined()
    expect(driftFailure([], true)).toBeUndefined()
    expect(driftFailure(['network/a/r/p', 'vpc/a/r/p'], true)).toBe('drift in 2 deployment(s): network/a/r/p, vpc/a/r/p (fail-on-drift is true)')
    const many = Array.from({ length: 12 }, (_, i) => `s/a/r/p${i}`)
    expect(driftFailure(many, true)).toMatch(/^drift in 12 deployment\(s\): s\/a\/r\/p0, .*s\/a\/r\/p9, \.\.\. \(fail-on-drift is true\)$/)
  })

  it('counts as drifted only deployments that planned successfully with changes, or what the drift observer found', () => {
    const s = summary(result('a', 'succeeded', true), result('b', 'succeeded', false), result('c', 'failed', true), result('d', 'blocked', true))
    expect(driftedDeployments(s, undefined)).toEqual(['a'])
    expect(driftedDeployments(s, { drifted: ['b'], clean: [] })).toEqual(['b'])
  })
})
