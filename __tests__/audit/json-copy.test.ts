import { jsonCopy } from '../../src/audit/json-copy.js'

describe('jsonCopy', () => {
  it('equals what JSON.parse(JSON.stringify()) returns', () => {
    const sparse: unknown[] = [1]
    sparse[2] = 3
    const values: unknown[] = [
      { a: 1, b: undefined, c: [undefined, () => 1, Symbol('s'), null, 'x'], d: { e: new Date('2026-11-05T16:00:00Z'), f: NaN, g: -0, h: Infinity } },
      sparse,
      { outputs: { plan: 'line\n"quoted"\u0000' }, nested: [{ deep: [{ deeper: true }] }] },
      { toJSON: (key: string) => `custom ${key}` },
      'text',
      3,
      null
    ]
    for (const value of values) expect(jsonCopy(value)).toStrictEqual(JSON.parse(JSON.stringify(value)))
    expect(Object.is((jsonCopy({ g: -0 }) as { g: number }).g, 0)).toBe(true)
  })

  it('copies: the result shares no object with the input', () => {
    const input = { phases: { plan: { durationMs: 1 } } }
    const copy = jsonCopy(input) as typeof input
    input.phases.plan.durationMs = 2
    expect(copy.phases.plan.durationMs).toBe(1)
  })
})
