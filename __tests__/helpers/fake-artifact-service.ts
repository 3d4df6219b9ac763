/**
 * A local stand-in for GitHub's artifact service (the "v4" artifact protocol
 * that @actions/artifact v6 speaks), for tests that upload a real artifact
 * through the real toolkit client without network access.
 *
 * Why a stand-in: act v0.2.89 ships its own artifact server, but it rejects
 * v6's CreateArtifact request (unknown field `mime_type`), so the action's
 * upload cannot be proven under act (see __tests__/action/act-github.test.ts).
 *
 * What it implements is what `new DefaultArtifactClient().uploadArtifact()`
 * actually sends (node_modules/@actions/artifact/lib/internal/upload):
 * - POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact,
 *   a JSON body {workflow_run_backend_id, workflow_job_run_backend_id, name,
 *   mime_type, version}, answered with {ok, signed_upload_url} — a URL on this
 *   server, shaped `/<account>/<container>/<blob>?sig=...` as @azure/storage-blob
 *   expects of an IP host;
 * - the zip to that URL with @azure/storage-blob's BlockBlobClient.uploadStream:
 *   PUT `?comp=block&blockid=<base64>` per chunk of up to 8 MiB, then
 *   PUT `?comp=blocklist` with an XML <BlockList> of <Latest> ids (a single PUT
 *   with `x-ms-blob-type: BlockBlob` is accepted too);
 * - POST .../FinalizeArtifact {…, name, size, hash: "sha256:<hex>"}, answered
 *   with {ok, artifact_id} (an int64, which protobuf JSON carries as a string).
 * The twirp calls must carry `Authorization: Bearer <ACTIONS_RUNTIME_TOKEN>`
 * and the run/job backend ids of that token; the blob calls must carry the
 * signature this server handed out. Everything received is recorded.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { crc32, inflateRawSync } from 'node:zlib'

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/'

/** One HTTP request the service received (bodies of blob calls are left out). */
export interface ArtifactServiceRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  /** The parsed JSON body of a twirp call. */
  json?: Record<string, unknown>
  bodyBytes: number
}

/** An artifact as the service holds it. */
export interface StoredArtifact {
  id: number
  name: string
  workflowRunBackendId: string
  workflowJobRunBackendId: string
  mimeType?: string
  /** The assembled blob (the zip), once committed. */
  blob?: Buffer
  /** The block ids in commit order (empty for a single-PUT upload). */
  blockIds: string[]
  finalized: boolean
  /** What FinalizeArtifact declared. */
  declaredSize?: string
  declaredHash?: string
}

export interface FakeArtifactService {
  /** `http://127.0.0.1:<port>`: ACTIONS_RESULTS_URL. */
  url: string
  requests: ArtifactServiceRequest[]
  artifacts: StoredArtifact[]
  /** The finalized artifacts. */
  finalized(): StoredArtifact[]
  stop(): Promise<void>
}

/** A fake unsigned JWT whose `scp` claim names the run and job backend ids (the toolkit only decodes it). */
export function fakeRuntimeToken(runBackendId: string, jobBackendId: string): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.GenericRead:x Actions.Results:${runBackendId}:${jobBackendId}`, exp: 4102444800 })}.`
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function decodeScope(token: string): { run: string; job: string } | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { scp?: string }
    const scope = claims.scp?.split(' ').find((s) => s.startsWith('Actions.Results:'))
    const [, run, job] = scope?.split(':') ?? []
    return run && job ? { run, job } : undefined
  } catch {
    return undefined
  }
}

/** Starts the service on 127.0.0.1 and a free port. */
export async function startFakeArtifactService(): Promise<FakeArtifactService> {
  const requests: ArtifactServiceRequest[] = []
  const artifacts: StoredArtifact[] = []
  /** blob key -> staged blocks (id -> bytes), and which artifact it belongs to. */
  const blobs = new Map<string, { artifact: StoredArtifact; sig: string; blocks: Map<string, Buffer> }>()
  let base = ''

  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void => {
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
    const type = body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'application/xml' : 'application/json' }
    res.writeHead(status, { ...type, 'x-ms-request-id': randomBytes(8).toString('hex'), 'x-ms-version': '2025-01-05', ...headers })
    res.end(text)
  }
  /** Twirp's error shape: {code, msg}. */
  const twirpError = (res: ServerResponse, status: number, code: string, msg: string): void => send(res, status, { code, msg })

  const twirp = (req: IncomingMessage, method: string, json: Record<string, unknown>, res: ServerResponse): void => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    const scope = token ? decodeScope(token) : undefined
    if (!scope) return twirpError(res, 401, 'unauthenticated', 'missing or invalid runtime token')
    if (json.workflow_run_backend_id !== scope.run || json.workflow_job_run_backend_id !== scope.job) {
      return twirpError(res, 403, 'permission_denied', 'backend ids do not match the token')
    }
    const name = json.name
    if (typeof name !== 'string' || name === '') return twirpError(res, 400, 'invalid_argument', 'name is required')
    const ids = { workflowRunBackendId: scope.run, workflowJobRunBackendId: scope.job }
    if (method === 'CreateArtifact') {
      if (artifacts.some((a) => a.name === name && a.workflowRunBackendId === scope.run && a.finalized)) {
        return twirpError(res, 409, 'already_exists', `an artifact named ${name} already exists`)
      }
      const artifact: StoredArtifact = {
        id: 1000 + artifacts.length + 1, name, ...ids, blockIds: [], finalized: false,
        mimeType: (json.mime_type as string | undefined) ?? undefined
      }
      artifacts.push(artifact)
      const key = `/devstoreaccount1/actions-results/${artifact.id}/${encodeURIComponent(name)}.zip`
      const sig = randomBytes(12).toString('hex')
      blobs.set(key, { artifact, sig, blocks: new Map() })
      return send(res, 200, { ok: true, signed_upload_url: `${base}${key}?sv=2025-01-05&sp=cw&sig=${sig}` })
    }
    if (method === 'FinalizeArtifact') {
      const artifact = [...artifacts].reverse().find((a) => a.name === name && a.workflowRunBackendId === scope.run && !a.finalized)
      if (!artifact) return twirpError(res, 404, 'not_found', `no artifact named ${name} to finalize`)
      if (!artifact.blob) return twirpError(res, 400, 'failed_precondition', 'nothing was uploaded')
      artifact.declaredSize = String(json.size)
      artifact.declaredHash = json.hash as string | undefined
      if (Number(json.size) !== artifact.blob.length) return twirpError(res, 400, 'invalid_argument', `size ${String(json.size)} is not ${artifact.blob.length}`)
      const hash = `sha256:${createHash('sha256').update(artifact.blob).digest('hex')}`
      if (json.hash !== undefined && json.hash !== hash) return twirpError(res, 400, 'invalid_argument', `hash ${String(json.hash)} is not ${hash}`)
      artifact.finalized = true
      return send(res, 200, { ok: true, artifact_id: String(artifact.id) })
    }
    twirpError(res, 404, 'bad_route', `no method ${method}`)
  }

  const blob = (req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse): void => {
    const entry = blobs.get(url.pathname)
    if (!entry) return send(res, 404, '<Error><Code>BlobNotFound</Code></Error>')
    if (url.searchParams.get('sig') !== entry.sig) return send(res, 403, '<Error><Code>AuthenticationFailed</Code></Error>')
    if (req.method !== 'PUT') return send(res, 405, '<Error><Code>UnsupportedHttpVerb</Code></Error>')
    const comp = url.searchParams.get('comp')
    if (comp === 'block') {
      const id = url.searchParams.get('blockid')
      if (!id) return send(res, 400, '<Error><Code>InvalidQueryParameterValue</Code></Error>')
      entry.blocks.set(id, body)
      return send(res, 201)
    }
    if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map((m) => m[2] as string)
      const parts = ids.map((id) => entry.blocks.get(id))
      if (parts.some((p) => p === undefined)) return send(res, 400, '<Error><Code>InvalidBlockList</Code></Error>')
      entry.artifact.blob = Buffer.concat(parts as Buffer[])
      entry.artifact.blockIds = ids
      return send(res, 201, undefined, { etag: '"0x1"', 'last-modified': new Date().toUTCString() })
    }
    if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      entry.artifact.blob = body
      entry.artifact.blockIds = []
      return send(res, 201, undefined, { etag: '"0x1"', 'last-modified': new Date().toUTCString() })
    }
    send(res, 400, '<Error><Code>UnsupportedQueryParameter</Code></Error>')
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base)
      const body = await readBody(req)
      const record: ArtifactServiceRequest = {
        method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: { ...req.headers }, bodyBytes: body.length
      }
      requests.push(record)
      if (url.pathname.startsWith(SERVICE)) {
        if (req.method !== 'POST') return twirpError(res, 405, 'bad_route', 'twirp calls are POSTs')
        if (!String(req.headers['content-type']).startsWith('application/json')) return twirpError(res, 415, 'bad_route', 'only the JSON protocol is served')
        let json: Record<string, unknown>
        try {
          json = JSON.parse(body.toString('utf8')) as Record<string, unknown>
        } catch {
          return twirpError(res, 400, 'malformed', 'body is not JSON')
        }
        record.json = json
        return twirp(req, url.pathname.slice(SERVICE.length), json, res)
      }
      blob(req, url, body, res)
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { code: 'internal', msg: String(error) })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    requests,
    artifacts,
    finalized: () => artifacts.filter((a) => a.finalized),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      })
  }
}

/** One file of a zip archive. */
export interface ZipEntry {
  name: string
  data: Buffer
}

/**
 * Reads a zip (as the toolkit's archiver writes it: streamed, with data
 * descriptors, stored or deflated, no zip64) from its central directory, and
 * checks each file's CRC-32. Small on purpose: no unzip library is installed.
 */
export function readZip(zip: Buffer): ZipEntry[] {
  let eocd = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory record')
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  const entries: ZipEntry[] = []
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`)
    const method = zip.readUInt16LE(at + 10)
    const crc = zip.readUInt32LE(at + 16)
    const compressedSize = zip.readUInt32LE(at + 20)
    const size = zip.readUInt32LE(at + 24)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    at += 46 + nameLength + extraLength + commentLength
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header of ${name}`)
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const raw = zip.subarray(start, start + compressedSize)
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : undefined
    if (!data) throw new Error(`${name}: unsupported compression method ${method}`)
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, the directory says ${size}`)
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`)
    entries.push({ name, data })
  }
  return entries
}
