import { applyEnvChanges, envChanges } from '../../src/terraform/env-changes.js'

describe('envChanges', () => {
  it('sets what is new or different, removes what is gone, and says nothing of what stayed', () => {
    expect(envChanges({}, { A: '1', B: '' })).toEqual(['A=1', 'B='])
    expect(envChanges({ A: '1', B: '2', C: '3' }, { A: '1', B: 'x=y', D: '4' })).toEqual(['B=x=y', 'D=4', 'C'])
    expect(envChanges({ A: '1' }, { A: '1' })).toEqual([])
  })

  it('counts a variable without a value (undefined) as absent', () => {
    expect(envChanges({ A: '1', B: undefined }, { A: undefined, C: undefined })).toEqual(['A'])
  })

  it('turns the environment before into the one after when applied', () => {
    const before = { A: '1', B: '2', C: '3' }
    const after = { A: '1', B: 'x=y', D: '' }
    const env = { ...before }
    applyEnvChanges(env, envChanges(before, after))
    expect(env).toEqual(after)
  })
})
