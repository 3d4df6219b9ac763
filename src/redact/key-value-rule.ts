import { classifyKey, type KeyKind } from './secret-keys.js'
import { MARKER, isTrivialValue, type RedactionRule } from './rule.js'
import { replaceExtended, runStart } from './scan.js'

// Every alternative below starts on a distinct character and its repetition has disjoint
// branches, so matching stays linear in the input (no nested ambiguous quantifiers).
const DQ = String.raw`"(?:[^"\\\r\n]|\\.)*"`
// A string inside a JSON string (\"...\"); \\\" inside it is an escaped quote, not the end. The
// units are disjoint (the pair of backslashes refuses to start that sequence), so no backtracking.
const ESCAPED_DQ = String.raw`\\"(?:\\\\\\"|\\\\(?!\\")|\\[^"\\\r\n]|[^"\\\r\n])*\\"`
const SQ = String.raw`'(?:[^'\\\r\n]|\\.)*'`
const SENTINEL = String.raw`\((?:sensitive(?: value)?|known after apply)\)|<sensitive>`
const SCHEME = String.raw`(?:Bearer|Basic|Token|Digest|Bot)[ \t]+[^\s"'\x60,;&]+`
// Unquoted values end at whitespace, quotes, `,`, `;` and `&` (JSON, connection strings,
// query strings); `{`, `[`, `<` and `=` open structures, heredocs and comparisons, not values.
const BARE = String.raw`[^\s"'\x60,;&{\[<=][^\s"'\x60,;&]*`
const VALUE = `(?:${SENTINEL}|${DQ}|${ESCAPED_DQ}|${SQ}|${SCHEME}|${BARE})`
// Matching starts on the credential word of the key (a quick scan); the rest of the key is read
// leftwards in the callback. Case-insensitive: DB_PASSWORD, apiKey, X-Auth-Token. Both parts of
// the key are bounded in length, so a long run of word characters costs linear time.
const KEY_VALUE = new RegExp(
  String.raw`((?:pass|pwd|secret|token|key|auth|cred|session|sig|cookie)[\w.-]{0,80})(\\?["']|)([ \t]*(?:=>|:|=)[ \t]*)(${VALUE})(?:([ \t]*->[ \t]*)(${VALUE}))?`,
  'gi'
)
const KEY_CHAR = /[\w.-]/
const KEY_SHAPE = /^-{0,2}[A-Za-z_][\w.-]*$/
const FLAG_VALUE = new RegExp(String.raw`(?<![\w-])(--[A-Za-z][\w-]*)([ \t]+)(${DQ}|${SQ}|[^\s"'\x60-][^\s"'\x60]*)`, 'g')

// HCL references in source snippets of error messages: var.db_password, random_password.db.result.
const REFERENCE = /^(?:(?:var|local|module|data|each|count|self|path|terraform)\.[\w.\-[\]"*]+|[a-z][a-z0-9]*_[a-z0-9_]+\.[\w-]+(?:\.[\w-]+|\[[^\]]*\])*)$/
// After `key:` a lone word is prose ("ExpiredToken: The security token ...", "db_password: Creating...").
const PROSE_WORD = /^[A-Za-z][a-z]*[.!?:]*$/

function keepsValue(inner: string, bareAfterColon: boolean): boolean {
  return isTrivialValue(inner) || REFERENCE.test(inner) || (bareAfterColon && PROSE_WORD.test(inner))
}

function redactValue(value: string, colon: boolean, learn: (v: string) => void): string {
  if (/^(?:\(|<sensitive>)/.test(value)) return value
  for (const quote of ['\\"', '"', "'"]) {
    if (value.length >= quote.length * 2 && value.startsWith(quote) && value.endsWith(quote)) {
      const inner = value.slice(quote.length, value.length - quote.length)
      if (keepsValue(inner, false)) return value
      learn(inner)
      return `${quote}${MARKER}${quote}`
    }
  }
  const scheme = /^(Bearer|Basic|Token|Digest|Bot)([ \t]+)(.+)$/i.exec(value)
  if (scheme) {
    if (keepsValue(scheme[3]!, false)) return value
    learn(scheme[3]!)
    return `${scheme[1]}${scheme[2]}${MARKER}`
  }
  // Closing brackets after a bare value end the structure around it: `{"a":true}}`, `{password=x}`.
  let end = value.length
  while (end > 0 && ')]}>'.includes(value[end - 1]!)) end--
  const [bare, closers] = [value.slice(0, end), value.slice(end)]
  if (keepsValue(bare, colon)) return value
  learn(bare)
  return `${MARKER}${closers}`
}

function learner(kind: KeyKind, learn: (v: string) => void): (v: string) => void {
  // Session names are identifiers, often plain words like "deploy": replace them, never register them.
  return kind === 'secret' ? learn : () => undefined
}

/** `password = "x"`, `DB_PASSWORD=x`, `"apiKey": "x"`, `token: x`, `Authorization: Bearer x`, `~ secret = "a" -> "b"`. */
export const keyValueRule: RedactionRule = {
  name: 'key-value',
  kind: 'secret',
  apply(text, learn) {
    return replaceExtended(text, KEY_VALUE, (m, floor) => {
      const [, tail = '', quote = '', sep = '', v1 = '', arrow, v2] = m
      const start = runStart(text, m.index, Math.max(floor, m.index - 80), KEY_CHAR)
      const key = text.slice(start, m.index) + tail
      // The key is a whole word (not a URL path segment) inside matching quotes, if any.
      const open = start - quote.length
      if (!KEY_SHAPE.test(key) || open < floor || text.slice(open, start) !== quote || /[\w./-]/.test(text[open - 1] ?? '')) return undefined
      const kind = classifyKey(key)
      if (kind === undefined) return undefined
      const learnIt = learner(kind, learn)
      const colon = sep.trim() === ':'
      const rest = arrow !== undefined && v2 !== undefined ? `${arrow}${redactValue(v2, false, learnIt)}` : ''
      return { start: open, text: `${quote}${key}${quote}${sep}${redactValue(v1, colon, learnIt)}${rest}` }
    })
  }
}

/** `--password x`, `--role-session-name x` (the `--flag=x` form is the key-value rule's). */
export const flagValueRule: RedactionRule = {
  name: 'flag-value',
  kind: 'secret',
  apply(text, learn) {
    return text.replace(FLAG_VALUE, (match, flag: string, space: string, value: string) => {
      const kind = classifyKey(flag)
      if (kind === undefined) return match
      return `${flag}${space}${redactValue(value, false, learner(kind, learn))}`
    })
  }
}
