import { MARKER, hasMixedClasses, type RedactionRule } from './rule.js'

// The whole block, all key types (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP ... BLOCK), raw or inside a
// JSON string (\n escapes), indented or in tofu's boxed error output. A block without its END line
// (truncated output) ends with its last line of key material. Every body line must be a whole
// line of base64 (or a PEM header), so a line of prose after a truncated block is not eaten.
const NL = String.raw`(?:\r?\n|\\r\\n|\\n)[ \t│|]*`
const EOL = String.raw`(?=\r?\n|\\r\\n|\\n|"|$)`
const HEADER = String.raw`(?:Proc-Type|DEK-Info|Comment|Version|Hash|Charset): [^\r\n\\"]*`
const PEM = new RegExp(
  String.raw`-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?:${NL}(?:${HEADER}|[A-Za-z0-9+/=]*${EOL}))*(?:(?:${NL})?-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----)?`,
  'g'
)
const JWT = /(?<![\w-])eyJ[\w-]{2,}\.[\w-]{2,}\.[\w-]*/g
// GitHub (classic and fine-grained), GitLab, Slack, npm, Google API and Stripe live keys.
const PREFIXED_TOKEN =
  /(?<![\w-])(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_\w{22,255}|glpat-[\w-]{20,}|xox[abposr]-[\w-]{10,}|npm_[A-Za-z0-9]{36}|AIza[\w-]{35}|sk_live_[A-Za-z0-9]{24,})/g
// STS session tokens start with these base64 prefixes (of the token's binary header).
const SESSION_TOKEN = /(?<![\w/+=])(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+=]{16,}/g
// 40 base64 characters standing alone, as an AWS secret access key is written.
const BARE_SECRET_KEY = /(?<![\w/+=.-])[A-Za-z0-9/+]{40}(?![\w/+=.-])/g
// scheme://user:password@host (the user may be empty: redis://:password@host); found from its
// `://`, a literal the engine scans for fast.
const URL_PASSWORD = /:\/\/([^\s:/@"'<>]*:)([^\s@/"'<>]+)@/g

function learnLines(block: string, learn: (v: string) => void): void {
  for (const raw of block.split(/\r?\n|\\r\\n|\\n/)) {
    const line = raw.replace(/^[ \t│|]+/, '').trim()
    if (line !== '' && !line.startsWith('-----') && !line.includes(': ')) learn(line)
  }
}

/** PEM private key blocks. */
export const pemRule: RedactionRule = {
  name: 'pem-private-key',
  kind: 'secret',
  apply: (text, learn) =>
    // A literal search skips the text in one fast scan when the pattern cannot occur.
    !text.includes('PRIVATE KEY') ? text : text.replace(PEM, (block: string) => {
      learnLines(block, learn)
      return MARKER
    })
}

/** JWTs and tokens with a known prefix (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_ ...), and STS session tokens. */
export const tokenRule: RedactionRule = {
  name: 'token',
  kind: 'secret',
  apply: (text, learn) => {
    const replace = (token: string): string => {
      learn(token)
      return MARKER
    }
    const jwts = text.includes('eyJ') ? text.replace(JWT, replace) : text
    return jwts.replace(PREFIXED_TOKEN, replace).replace(SESSION_TOKEN, replace)
  }
}

/**
 * A standalone 40-character secret access key. Unambiguous only with upper case, lower case and
 * digits: commit SHAs (hex, one case) and words are left alone.
 */
export const bareSecretKeyRule: RedactionRule = {
  name: 'aws-secret-access-key',
  kind: 'secret',
  apply: (text, learn) =>
    text.replace(BARE_SECRET_KEY, (candidate: string) => {
      if (!hasMixedClasses(candidate)) return candidate
      learn(candidate)
      return MARKER
    })
}

/** The password of `scheme://user:password@host`; the user and host stay readable. */
export const urlPasswordRule: RedactionRule = {
  name: 'url-password',
  kind: 'secret',
  apply: (text, learn) =>
    !text.includes('://') ? text : text.replace(URL_PASSWORD, (match, user: string, password: string, offset: number) => {
      if (/^\*+$/.test(password) || !/[A-Za-z0-9+.-]/.test(text[offset - 1] ?? '')) return match
      learn(password)
      return `://${user}${MARKER}@`
    })
}
