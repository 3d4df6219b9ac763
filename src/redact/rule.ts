/** What every redaction writes in place of a removed value (what GitHub's own masking shows). */
export const MARKER = '***'

/** Values shorter than this are never treated as secrets: masking them would shred ordinary text. */
export const MIN_SECRET_LENGTH = 3

/**
 * One redaction pattern. `secret` rules report the credentials they remove through `learn`
 * (so the adapter can register them with the runner); `identifier` rules (account ids,
 * addresses, emails, session names) only replace.
 */
export interface RedactionRule {
  readonly name: string
  readonly kind: 'secret' | 'identifier'
  apply(text: string, learn: (value: string) => void): string
}

const TRIVIAL = new Set(['true', 'false', 'null', 'none', 'nil', 'undefined', 'empty', '[]', '{}', '""', "''"])

/** True for values too short or too generic to be a secret, and for values already masked. */
export function isTrivialValue(value: string): boolean {
  const v = value.trim()
  return v.length < MIN_SECRET_LENGTH || TRIVIAL.has(v.toLowerCase()) || /^\*+$/.test(v)
}

/** True when the string has an upper case letter, a lower case letter and a digit. */
export function hasMixedClasses(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value)
}
