import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { HclSyntaxError, parseInProcess, type HclJson } from './parse-in-process.js'

/** Set in the parser child's environment: the bundle then serves parse requests instead of running. */
export const PARSER_ROLE_VARIABLE = 'TF_ORCHESTRATOR_HCL_PARSER'

interface Request {
  id: number
  file: string
  text: string
}
interface Response {
  id: number
  value?: HclJson
  error?: { message: string; line?: number; syntax: boolean }
}

let child: ChildProcess | undefined
let nextId = 0
const pending = new Map<number, { resolve: (v: HclJson) => void; reject: (e: Error) => void; file: string }>()

function start(): ChildProcess {
  const proc = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, [PARSER_ROLE_VARIABLE]: '1' },
    stdio: ['pipe', 'pipe', 'inherit']
  })
  createInterface({ input: proc.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const response = JSON.parse(line) as Response
    const waiter = pending.get(response.id)
    if (!waiter) return
    pending.delete(response.id)
    if (response.error) {
      const { message, line: at, syntax } = response.error
      waiter.reject(syntax ? new HclSyntaxError(waiter.file, at, message) : new Error(message))
    } else waiter.resolve(response.value as HclJson)
  })
  proc.on('exit', (code) => {
    for (const [, waiter] of pending) waiter.reject(new Error(`the HCL parser process exited (code ${code}) while parsing ${waiter.file}`))
    pending.clear()
    child = undefined
  })
  return proc
}

/** Parses in the child process (started on first use). */
export function parseInSubprocess(file: string, text: string): Promise<HclJson> {
  child ??= start()
  const id = nextId++
  const request: Request = { id, file, text }
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, file })
    child?.stdin?.write(`${JSON.stringify(request)}\n`)
  })
}

export function stopSubprocessParser(): void {
  child?.stdin?.end()
  child = undefined
}

/** The child's side: answers one JSON line per request line until stdin closes. */
export async function serveParseRequests(): Promise<void> {
  const lines = createInterface({ input: process.stdin })
  for await (const line of lines) {
    const request = JSON.parse(line) as Request
    let response: Response
    try {
      response = { id: request.id, value: await parseInProcess(request.file, request.text) }
    } catch (error) {
      const syntax = error instanceof HclSyntaxError
      response = { id: request.id, error: { message: (error as Error).message, line: syntax ? error.line : undefined, syntax } }
    }
    process.stdout.write(`${JSON.stringify(response)}\n`)
  }
}
