import { fromWebToken } from '@aws-sdk/credential-providers'

/** The audience AWS STS expects in a GitHub OIDC token. */
export const STS_AUDIENCE = 'sts.amazonaws.com'
/** Credentials are replaced this long before they expire. */
export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000

/** Temporary credentials of an assumed role (an AwsCredentialIdentity with its expiration). */
export interface TemporaryCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  expiration: Date
}

/** What `oidcCredentials` needs: the role, the token source and where secrets are masked. */
export interface OidcCredentialOptions {
  roleArn: string
  region: string
  sessionName: string
  durationSeconds?: number | undefined
  /** AWS's regional STS when absent. */
  stsEndpoint?: string | undefined
  /** A fresh OIDC token for the audience (GitHub's tokens are short-lived: one per exchange). */
  getIdToken: (audience: string) => Promise<string>
  /** Called with every secret value (token, keys) before anything can print it: core.setSecret. */
  onSecret: (value: string) => void
  refreshMarginMs?: number | undefined
  /** One line per exchange (role, session, expiry; never a secret). */
  log?: ((line: string) => void) | undefined
  now?: () => number
}

/**
 * A credential provider (usable as an AWS SDK client's `credentials`) that
 * exchanges OIDC tokens for the role's credentials and replaces them
 * `refreshMarginMs` before they expire. `validFor(ms)` is for child processes
 * that cannot refresh: credentials that stay valid that long when a session allows it.
 */
export interface RefreshingCredentials {
  (): Promise<TemporaryCredentials>
  validFor(ms: number): Promise<TemporaryCredentials>
  readonly roleArn: string
}

/** What to check for the two answers AWS gives a misconfigured account or role. */
function hintFor(message: string): string {
  if (/not authorized to perform sts:AssumeRoleWithWebIdentity|AccessDenied/i.test(message))
    return ` (the role's trust policy must allow token.actions.githubusercontent.com with aud ${STS_AUDIENCE} and this repository's sub)`
  if (/No OpenIDConnect provider found/i.test(message)) return ' (add GitHub as an IAM OIDC identity provider in the role\'s account)'
  return ''
}

/** Exchanges GitHub's OIDC token for the role's temporary credentials (AssumeRoleWithWebIdentity). */
export function oidcCredentials(options: OidcCredentialOptions): RefreshingCredentials {
  const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS
  const now = options.now ?? Date.now
  const sessionMs = (options.durationSeconds ?? 3600) * 1000
  let current: TemporaryCredentials | undefined
  let pending: Promise<TemporaryCredentials> | undefined

  const exchange = async (): Promise<TemporaryCredentials> => {
    const token = await options.getIdToken(STS_AUDIENCE)
    options.onSecret(token)
    let identity
    try {
      identity = await fromWebToken({
        roleArn: options.roleArn,
        roleSessionName: options.sessionName,
        webIdentityToken: token,
        ...(options.durationSeconds ? { durationSeconds: options.durationSeconds } : {}),
        clientConfig: { region: options.region, ...(options.stsEndpoint ? { endpoint: options.stsEndpoint } : {}) }
      })()
    } catch (error) {
      // The SDK's message is STS's answer; it never contains the token.
      const e = error as { name?: string; message?: string }
      const where = options.stsEndpoint ? ` at ${options.stsEndpoint}` : ''
      const message = `${e.name ?? 'Error'}: ${e.message ?? String(error)}`
      throw new Error(`AssumeRoleWithWebIdentity for ${options.roleArn}${where} failed: ${message}${hintFor(message)}`)
    }
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = identity
    if (!sessionToken || !expiration) throw new Error(`AssumeRoleWithWebIdentity for ${options.roleArn} answered no session token or expiration`)
    for (const secret of [accessKeyId, secretAccessKey, sessionToken]) options.onSecret(secret)
    options.log?.(`assumed ${options.roleArn} (session ${options.sessionName}) until ${expiration.toISOString()}`)
    return { accessKeyId, secretAccessKey, sessionToken, expiration }
  }

  // One exchange at a time: concurrent callers share it (fresh credentials satisfy any of them).
  const get = async (remainingMs: number): Promise<TemporaryCredentials> => {
    if (current && current.expiration.getTime() - now() > remainingMs) return current
    pending ??= exchange()
      .then((fresh) => (current = fresh))
      .finally(() => {
        pending = undefined
      })
    return pending
  }

  const provider = (async () => get(margin)) as RefreshingCredentials
  // A child asks for more than a session can give: cap at what a fresh session gives, or it would refresh on every call.
  provider.validFor = (ms) => get(Math.max(margin, Math.min(ms, sessionMs - margin)))
  Object.defineProperty(provider, 'roleArn', { value: options.roleArn })
  return provider
}

/** The environment a Terraform / OpenTofu child process reads the credentials from. */
export function credentialsEnv(creds: TemporaryCredentials, region: string): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: creds.accessKeyId,
    AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
    AWS_SESSION_TOKEN: creds.sessionToken,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region
  }
}
