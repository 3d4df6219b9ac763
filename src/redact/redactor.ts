import { accessKeyIdRule, accountIdRule, assumedRoleRule, uniqueIdRule } from './aws-rules.js'
import { emailRule } from './email-rule.js'
import { flagValueRule, keyValueRule } from './key-value-rule.js'
import { literalNeedles, needleFinder, replaceLiterals } from './literal-needles.js'
import { ipv4Rule, ipv6Rule } from './network-rules.js'
import { MIN_SECRET_LENGTH, type RedactionRule } from './rule.js'
import { bareSecretKeyRule, pemRule, tokenRule, urlPasswordRule } from './token-rules.js'

/** Turns text that may hold secrets into text safe to show on GitHub. */
export type Redact = (text: string) => string

/** What a redactor knows beyond its patterns. */
export interface RedactorOptions {
  /** Values to remove wherever they appear (e.g. from sensitiveValuesFromPlan), substrings included. */
  sensitiveValues?: readonly string[]
  /** Called once per distinct credential: each sensitive value, and each secret a pattern removes. */
  onSecretLearned?: (value: string) => void
}

// Order matters: whole blocks and known token shapes go before the generic key = value rule, and
// session names before account ids, so each rule sees its context intact.
const RULES: readonly RedactionRule[] = [
  pemRule,
  urlPasswordRule,
  tokenRule,
  accessKeyIdRule,
  keyValueRule,
  flagValueRule,
  assumedRoleRule,
  uniqueIdRule,
  bareSecretKeyRule,
  emailRule,
  ipv6Rule,
  ipv4Rule,
  accountIdRule
]

/**
 * A redactor: sensitive values first (longest first), then the patterns. It repeats until the
 * text stops changing, which makes redact(redact(x)) === redact(x); that ends because every
 * change replaces at least one character other than '*' with '*'s. Every pattern is linear in
 * the text, and a clean text costs one pass.
 */
export function createRedactor(options: RedactorOptions = {}): Redact {
  const needles = literalNeedles(options.sensitiveValues ?? [])
  const finder = needleFinder(needles)
  const reported = new Set<string>()
  const learn = (value: string): void => {
    if (!options.onSecretLearned || value.length < MIN_SECRET_LENGTH || /^\*+$/.test(value) || reported.has(value)) return
    reported.add(value)
    options.onSecretLearned(value)
  }
  const ignore = (): void => undefined
  for (const needle of needles) learn(needle)
  const pass = (text: string): string => {
    let out = replaceLiterals(text, needles, finder)
    for (const rule of RULES) out = rule.apply(out, rule.kind === 'secret' ? learn : ignore)
    return out
  }
  return (text) => {
    let current = text
    for (;;) {
      const next = pass(current)
      if (next === current) return next
      current = next
    }
  }
}
