import { createRedactor } from '../../src/redact/redactor.js'
import { readData } from './corpus.js'

describe('benign corpus', () => {
  it('comes out byte-identical: timestamps, SHAs, addresses, counts, durations, versions, state keys', () => {
    const text = readData('benign.txt')
    const learned: string[] = []
    const out = createRedactor({ onSecretLearned: (v) => learned.push(v) })(text)
    const changed = out.split('\n').filter((line, i) => line !== text.split('\n')[i])
    expect(changed).toEqual([])
    expect(out).toBe(text)
    expect(learned).toEqual([])
  })
})
