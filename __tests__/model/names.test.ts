import { assertValidName, nameProblem } from '../../src/model/names.js'

describe('names that become paths and state keys', () => {
  it.each(['acme-dev', 'us-east-1', 'payments_data', 'v1.2', 'A'])('accepts %s', (name) => {
    expect(nameProblem(name)).toBeUndefined()
  })

  it.each([
    ['../x', /separator/],
    ['..', /'\.\.'/],
    ['a/b', /separator/],
    ['a\\b', /separator/],
    ['', /empty/],
    ['-flag', /start/],
    ['.hidden', /start/],
    ['tab\there', /control character/],
    ['new\nline', /control character/],
    ['spa ce', /only letters/],
    ['x'.repeat(129), /longer than 128/]
  ])('rejects %j', (name, why) => {
    expect(nameProblem(name)).toMatch(why)
  })

  it('names the place and the value in the error', () => {
    expect(() => assertValidName('account', '../x', 'deployments/a/x.tfvars:1')).toThrow(
      'deployments/a/x.tfvars:1: account "../x" is not a valid name: it contains a path separator'
    )
  })
})
