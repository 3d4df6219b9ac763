import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'

/** A running `opa run --server` on a private unix socket: policies are compiled once, then each plan is one request. */
export interface OpaServer {
  evaluate(path: string, input: unknown, timeoutMs: number): Promise<unknown>
  stop(): Promise<void>
}

/** POSTs to the server's Data API over its socket; resolves with `result` (undefined when the document is undefined). */
function post(socketPath: string, path: string, body: string, timeoutMs: number): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method: path.startsWith('/health') ? 'GET' : 'POST', headers: { 'content-type': 'application/json' }, timeout: timeoutMs }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined })
        } catch (error) {
          reject(error as Error)
        }
      })
    })
    req.on('timeout', () => req.destroy(new Error(`OPA did not answer within ${timeoutMs} ms`)))
    req.on('error', reject)
    if (!path.startsWith('/health')) req.write(body)
    req.end()
  })
}

/** Starts OPA serving `paths` (stop() waits `stopGraceMs` after SIGTERM, then kills) (policy folders and files); rejects with OPA's own message when it cannot start. */
export async function startOpaServer(opa: string, paths: readonly string[], socketPath: string, stopGraceMs = 2000): Promise<OpaServer> {
  let stderr = ''
  let exited: number | null | undefined
  const proc: ChildProcess = spawn(opa, ['run', '--server', '--addr', `unix://${socketPath}`, '--log-level', 'error', '--skip-version-check', ...paths], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  proc.stderr?.on('data', (d) => (stderr += d))
  const failedToStart = new Promise<never>((_, reject) => {
    proc.on('error', (error) => reject(new Error(`cannot run ${opa}: ${error.message}`)))
    proc.on('exit', (code) => {
      exited = code
      reject(new Error(`OPA exited (code ${code}): ${opaErrors(stderr)}`))
    })
  })
  failedToStart.catch(() => undefined)
  const ready = (async () => {
    for (let i = 0; i < 300; i++) {
      if (exited !== undefined) break
      try {
        if ((await post(socketPath, '/health', '', 1000)).status === 200) return
      } catch {
        // not listening yet
      }
      await sleep(50)
    }
    throw new Error(`OPA did not become ready: ${stderr.trim()}`)
  })()
  await Promise.race([ready, failedToStart])
  return {
    async evaluate(path, input, timeoutMs) {
      const { status, json } = await post(socketPath, `/v1/data/${path.replace(/\./g, '/')}`, JSON.stringify({ input }), timeoutMs)
      const body = json as { result?: unknown; message?: string; errors?: { message: string }[] }
      if (status !== 200) throw new Error(`OPA evaluation failed (HTTP ${status}): ${body?.message ?? ''} ${(body?.errors ?? []).map((e) => e.message).join('; ')}`.trim())
      return body?.result
    },
    async stop() {
      // Bounded: SIGTERM, then SIGKILL; a hung OPA never keeps the CLI waiting after its summary.
      if (exited === undefined) {
        const gone = new Promise((r) => proc.once('exit', r))
        proc.kill('SIGTERM')
        if ((await Promise.race([gone.then(() => true), sleep(stopGraceMs, false, { ref: false })])) === false) {
          proc.kill('SIGKILL')
          await Promise.race([gone, sleep(1000, undefined, { ref: false })])
        }
      }
      proc.stderr?.destroy()
      proc.unref()
    }
  }
}

/** OPA logs JSON lines; keep the errors (the text otherwise). */
function opaErrors(stderr: string): string {
  const errors: string[] = []
  for (const line of stderr.split('\n')) {
    try {
      const entry = JSON.parse(line) as { level?: string; msg?: string; err?: string }
      if (entry.level === 'error') errors.push([entry.msg, entry.err].filter(Boolean).join(': '))
    } catch {
      // not a log line
    }
  }
  return errors.length ? errors.join('; ') : stderr.trim().slice(0, 2000)
}
