import fc from 'fast-check'
import { createRedactor } from '../../src/redact/redactor.js'
import { isTrivialValue } from '../../src/redact/rule.js'
import { plantedCases, readData } from './corpus.js'

const cases = plantedCases()
const fragments = [
  ...cases.flatMap((c) => c.text.split('\n')),
  ...cases.flatMap((c) => c.secrets),
  ...readData('benign.txt').split('\n'),
  ...[' ', '\n', '=', ': ', '"', "'", '***', '/16', '::', '.', '-', '@', '\\n', '{', '}', 'password=', 'token: ', 'arn:aws:iam::', '-----BEGIN RSA PRIVATE KEY-----']
]
const fragment = fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 }))
const mixed = fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join(''))
const sensitive = fc.string({ minLength: 3, maxLength: 14 }).filter((v) => !isTrivialValue(v))

describe('redaction properties', () => {
  const redact = createRedactor({ sensitiveValues: ['Vq8#mZ2!rT5&wL', 'adm-Old-6Ty1Hn'] })

  it('is idempotent on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => redact(redact(text)) === redact(text)),
      { numRuns: 2000 }
    )
  })

  it('is idempotent on strings mixing corpus fragments', () => {
    fc.assert(
      fc.property(mixed, (text) => redact(redact(text)) === redact(text)),
      { numRuns: 1000 }
    )
  })

  it('never leaves a given sensitive value in its output, wherever it is planted', () => {
    fc.assert(
      fc.property(fc.array(sensitive, { minLength: 1, maxLength: 4 }), fc.array(fragment, { maxLength: 12 }), (values, parts) => {
        const text = parts.flatMap((p, i) => [p, values[i % values.length]!]).join('') + values.join(' ')
        const out = createRedactor({ sensitiveValues: values })(text)
        return values.every((v) => !out.includes(v))
      }),
      { numRuns: 1000 }
    )
  })

  it('removes every planted corpus secret from any mix of corpus fragments', () => {
    const secrets = cases.flatMap((c) => c.secrets)
    fc.assert(
      fc.property(fc.shuffledSubarray(cases, { minLength: 1 }), fc.constantFrom('\n', '\n\n', '\r\n'), (picked, sep) => {
        const out = redact(picked.map((c) => c.text).join(sep))
        return secrets.every((s) => !out.includes(s))
      }),
      { numRuns: 200 }
    )
  })
})
