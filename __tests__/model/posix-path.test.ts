import { posix } from 'node:path'
import fc from 'fast-check'
import { joinPosix } from '../../src/model/posix-path.js'

describe('joinPosix', () => {
  it.each([
    ['toronto/compute', '../../modules/compute', 'modules/compute'],
    ['toronto/compute', '../../../modules/x', '../modules/x'],
    ['.', './modules/naming', 'modules/naming'],
    ['a/b', '../../..', '..'],
    ['a', 'b/', 'a/b']
  ])('%s + %s = %s', (a, b, expected) => expect(joinPosix(a, b)).toBe(expected))

  it('agrees with path.posix for relative paths', () => {
    const segment = fc.constantFrom('a', 'b', '..', '.', 'mod')
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.array(segment, { maxLength: 6 }), (x, y) => {
        const a = x.join('/') || '.'
        const b = y.join('/') || '.'
        expect(joinPosix(a, b)).toBe(posix.normalize(posix.join(a, b)).replace(/\/$/, '') || '.')
      })
    )
  })
})
