/** What a key in `key = value` says about its value. */
export type KeyKind = 'secret' | 'session' | undefined

// A segment on its own that names a credential (segments come from snake, kebab, dotted and camel case).
const SECRET_SEGMENTS = new Set([
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode', 'secret', 'secrets', 'token', 'apikey', 'accesskey',
  'secretkey', 'privatekey', 'auth', 'authorization', 'credential', 'credentials', 'creds', 'signature', 'cookie'
])

// Two adjacent segments that name a credential: api_key, AccessKey, private-key ...
const SECRET_PAIRS = new Set([
  'api key', 'access key', 'private key', 'secret key', 'session key', 'signing key', 'account key', 'master key',
  'encryption key', 'shared key', 'app key', 'application key', 'license key', 'deploy key'
])

// A last segment that makes the key describe a secret rather than hold it: secret_arn, password_length, token_url.
const DESCRIPTIVE_SUFFIXES = new Set([
  'arn', 'arns', 'name', 'names', 'id', 'ids', 'length', 'ttl', 'type', 'policy', 'version', 'count', 'enabled',
  'expiry', 'expires', 'expiration', 'at', 'path', 'file', 'url', 'uri', 'endpoint', 'rotation', 'stage', 'mode',
  'method', 'format', 'required', 'source'
])

/** Splits `db_password`, `X-Api-Key`, `RoleSessionName`, `APIKey` into lower case segments. */
export function keySegments(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s._-]+/)
    .filter((s) => s !== '')
}

// Plan JSON repeats the same few keys thousands of times; remember their verdicts (bounded).
const verdicts = new Map<string, KeyKind>()

/** `secret` for keys holding credentials, `session` for role session names, else undefined. */
export function classifyKey(key: string): KeyKind {
  if (verdicts.has(key)) return verdicts.get(key)
  const kind = classify(key)
  if (verdicts.size < 2000) verdicts.set(key, kind)
  return kind
}

function classify(key: string): KeyKind {
  const segments = keySegments(key)
  const pairs = segments.slice(1).map((s, i) => `${segments[i]} ${s}`)
  if (pairs.includes('session name')) return 'session'
  const last = segments[segments.length - 1]
  if (last === undefined || DESCRIPTIVE_SUFFIXES.has(last)) return undefined
  if (segments.some((s) => SECRET_SEGMENTS.has(s)) || pairs.some((p) => SECRET_PAIRS.has(p))) return 'secret'
  return undefined
}
