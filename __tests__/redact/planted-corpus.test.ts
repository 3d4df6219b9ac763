import { createRedactor } from '../../src/redact/redactor.js'
import { plantedCases } from './corpus.js'

const cases = plantedCases()
const redact = createRedactor()

/** Halves of a long secret left in the output (a partial leak), unless the text has them elsewhere. */
function leakedHalves(secret: string, text: string, out: string): string[] {
  if (secret.length < 12) return []
  const others = text.split(secret).join('\n')
  const halves = [secret.slice(0, secret.length / 2), secret.slice(secret.length / 2)]
  return halves.filter((h) => out.includes(h) && !others.includes(h))
}

describe('planted corpus', () => {
  it('plants at least 100 distinct secrets, each present in its text', () => {
    const all = new Set(cases.flatMap((c) => c.secrets))
    expect(all.size).toBeGreaterThanOrEqual(100)
    for (const c of cases) for (const s of c.secrets) expect({ title: c.title, present: c.text.includes(s), s }).toEqual({ title: c.title, present: true, s })
  })

  it.each(cases.map((c) => [c.title, c] as const))('%s: every planted secret is gone and the readable parts stay', (_title, c) => {
    const out = redact(c.text)
    expect(c.secrets.filter((s) => out.includes(s))).toEqual([])
    expect(c.secrets.flatMap((s) => leakedHalves(s, c.text, out))).toEqual([])
    expect(c.keep.filter((k) => !out.includes(k))).toEqual([])
  })

  it('removes all secrets when the whole corpus is one text', () => {
    const out = redact(cases.map((c) => c.text).join('\n'))
    expect(cases.flatMap((c) => c.secrets).filter((s) => out.includes(s))).toEqual([])
  })

  it('reports each removed credential once, and no identifiers', () => {
    const learned: string[] = []
    const learning = createRedactor({ onSecretLearned: (v) => learned.push(v) })
    const text = cases.map((c) => c.text).join('\n')
    learning(text)
    learning(text)
    expect(new Set(learned).size).toBe(learned.length)
    expect(learned).toEqual(expect.arrayContaining(['kinvky573$*UqDkg', 'AKIAUUJGWI32DDGB85S5', 'ghp_Q7zQCdqDQ6grWxDn5xKFEY5ffs14l2nb2z6V']))
    // Account ids, addresses, emails and session names are replaced but never registered as secrets.
    for (const identifier of ['747669203477', '10.20.30.41', 'jane.doe@acme.example', 'gha-7421983305-1', 'tf-apply-20240115-4411']) {
      expect(learned.some((v) => v.includes(identifier))).toBe(false)
    }
  })
})
