import * as aws from '../../src/redact/aws-rules.js'
import * as tok from '../../src/redact/token-rules.js'
import * as net from '../../src/redact/network-rules.js'
import * as kv from '../../src/redact/key-value-rule.js'
import * as em from '../../src/redact/email-rule.js'
import { readData } from './corpus.js'
it('perf', () => {
  const make = (unit: string) => { let s = ''; while (s.length < 5_000_000) s += unit; return s }
  const inputs = { benign: make(readData('benign.txt')), plan: make(readData('../plans/aws-fleet-s3-no-changes.json')) }
  const rules = { ...aws, ...tok, ...net, ...kv, ...em } as Record<string, { apply: (t: string, l: (v: string) => void) => string }>
  for (const [name, text] of Object.entries(inputs)) {
    const parts: string[] = []
    for (const [rn, rule] of Object.entries(rules)) { const t = Date.now(); rule.apply(text, () => undefined); parts.push(`${rn}=${Date.now() - t}`) }
    console.log(name, parts.join(' '))
  }
  const t = Date.now(); inputs.plan.split('x').join('***'); inputs.plan.includes('sensitive-value-1-xyz'); console.log('split', Date.now() - t)
})
