import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { HclSyntaxError, loadParser, parseInProcess, type HclJson } from './parse-in-process.js'

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

interface Waiter {
  resolve: (v: HclJson) => void
  reject: (e: Error) => void
  file: string
}
/** The running child and the requests it has not answered yet. */
interface Parser {
  proc: ChildProcess
  pending: Map<number, Waiter>
}

let child: Parser | undefined
let nextId = 0

function start(): Parser {
  const proc = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, [PARSER_ROLE_VARIABLE]: '1' },
    stdio: ['pipe', 'pipe', 'inherit']
  })
  // Each child answers its own requests: a stopped child exiting late never touches a later one's.
  const parser: Parser = { proc, pending: new Map() }
  const { pending } = parser
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
    if (child === parser) child = undefined
  })
  return parser
}

/**
 * Starts the child before the first parse is asked for, so that it loads the
 * parser while this process does other work (a cold discovery walks the fleet meanwhile).
 */
export function startSubprocessParser(): void {
  child ??= start()
}

/** Parses in the child process (started on first use). */
export function parseInSubprocess(file: string, text: string): Promise<HclJson> {
  const { proc, pending } = (child ??= start())
  const id = nextId++
  const request: Request = { id, file, text }
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, file })
    proc.stdin?.write(`${JSON.stringify(request)}\n`)
  })
}

export function stopSubprocessParser(): void {
  // An idle child (started early, perhaps never asked) ends now rather than after loading the parser; a busy one finishes.
  if (child && child.pending.size === 0) child.proc.kill()
  else child?.proc.stdin?.end()
  child = undefined
}

/** The child's side: answers one JSON line per request line until stdin closes. */
export async function serveParseRequests(): Promise<void> {
  // Loading takes longer than most parses: begun before the first request arrives. A failure surfaces with the first parse.
  loadParser().catch(() => undefined)
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
