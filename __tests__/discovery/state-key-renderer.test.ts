import fc from 'fast-check'
import { stateKeyRenderer } from '../../src/discovery/state-key-renderer.js'
import { renderStateKey, type StateKeyParts } from '../../src/state/state-key.js'

// Templates from placeholders (known, unknown, inherited object names), literals and odd characters.
const piece = fc.constantFrom('{service}', '{account}', '{region}', '{project}', '{combined}', '{__proto__}', '{constructor}', '{x_y}', '{', '}', '/', 'states', 'terraform.tfstate', '$&', '\u0001', '')
const template = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''))
const name = fc.constantFrom('s3', 'kms', 'acct-1', 'us-east-1', 'p', '$1', '{region}', '\u0002')
const parts: fc.Arbitrary<StateKeyParts> = fc.record({ services: fc.array(name, { maxLength: 3 }), account: name, region: name, project: name })

describe('stateKeyRenderer', () => {
  it('renders exactly what renderStateKey renders, for any template and parts', () => {
    fc.assert(
      fc.property(template, name, fc.array(parts, { minLength: 1, maxLength: 4 }), (t, combined, all) => {
        const render = stateKeyRenderer(t, combined)
        for (const p of all) expect(render(p.services, p.account, p.region, p.project)).toBe(renderStateKey(t, p, combined))
      }),
      { numRuns: 2000 }
    )
  })
})
