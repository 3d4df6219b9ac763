import { createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Claims of one token; `exp`/`iat`/`iss` are filled in unless given. */
export type Claims = Record<string, unknown>

/** An OpenID provider on loopback that also answers like GitHub's ID-token endpoint. */
export interface OidcProvider {
  /** The issuer URL; its discovery document is at `${issuer}/.well-known/openid-configuration`. */
  issuer: string
  discoveryUrl: string
  /** What a GitHub runner has in ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN. */
  requestUrl: string
  requestToken: string
  /** Signs an RS256 JWT with the provider's key (or with `key`, to forge one). */
  sign(claims: Claims, key?: KeyObject): string
  /** Claims every token of the GitHub-like endpoint carries (`aud` is the requested audience). */
  tokenClaims: Claims
  /** Lifetime of the tokens the GitHub-like endpoint issues. */
  tokenSeconds: number
  /** Every token the GitHub-like endpoint issued, in order. */
  issued: string[]
  /** The `audience` query of every ID-token request. */
  audiences: string[]
  stop(): Promise<void>
}

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url')

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' })
  res.end(JSON.stringify(body))
}

/** A fresh RSA key pair (a test forges tokens with a key the provider does not publish). */
export const rsaKey = (): KeyObject => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey

/**
 * Serves discovery + JWKS (what MinIO's OpenID configuration reads) and a
 * GitHub-like token endpoint: `GET <requestUrl>&audience=A` with
 * `Authorization: Bearer <requestToken>` answers `{"value": "<jwt>"}`.
 */
export async function startOidcProvider(): Promise<OidcProvider> {
  const key = rsaKey()
  const kid = randomBytes(8).toString('hex')
  const jwk = { ...key.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }
  const publicJwk = { kty: jwk.kty, n: jwk.n, e: jwk.e, kid, alg: 'RS256', use: 'sig' }
  const requestToken = randomBytes(16).toString('hex')
  const server = createServer((req, res) => handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const provider: OidcProvider = {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    requestUrl: `${issuer}/id-token?api-version=2.0`,
    requestToken,
    tokenClaims: {},
    tokenSeconds: 300,
    issued: [],
    audiences: [],
    sign(claims, signer = key) {
      const now = Math.floor(Date.now() / 1000)
      const body = { iss: issuer, iat: now, nbf: now - 5, exp: now + provider.tokenSeconds, ...claims }
      const unsigned = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(body))}`
      return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(signer).toString('base64url')}`
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', issuer)
    if (url.pathname === '/.well-known/openid-configuration') {
      return send(res, 200, {
        issuer,
        jwks_uri: `${issuer}/jwks`,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        response_types_supported: ['id_token'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'policy']
      })
    }
    if (url.pathname === '/jwks') return send(res, 200, { keys: [publicJwk] })
    if (url.pathname === '/id-token') {
      if (req.headers.authorization !== `Bearer ${requestToken}`) return send(res, 401, { message: 'bad request token' })
      const audience = url.searchParams.get('audience') ?? 'https://github.com/org'
      provider.audiences.push(audience)
      const token = provider.sign({ sub: 'repo:org/infra:ref:refs/heads/main', aud: audience, ...provider.tokenClaims })
      provider.issued.push(token)
      return send(res, 200, { count: provider.issued.length, value: token })
    }
    send(res, 404, { message: 'not found' })
  }
  return provider
}
