import './wasm-location.js'
import { firstDiagnostic } from '../../parser-message.js'

// Loaded on first use: loading starts the WebAssembly parser, which only the
// process that parses should pay for.
let parser: Promise<typeof import('@cdktn/hcl2json')> | undefined

/** The JSON form of one HCL file, as HashiCorp's HCL library converts it. */
export type HclJson = Record<string, unknown>

/** Raised for a file that is not valid HCL; `message` names file and line. */
export class HclSyntaxError extends Error {
  override name = 'HclSyntaxError'
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    detail: string
  ) {
    super(detail)
  }
}

/** Starts loading the parser (once); parseInProcess waits for it. */
export function loadParser(): Promise<typeof import('@cdktn/hcl2json')> {
  parser ??= import('@cdktn/hcl2json')
  return parser
}

/** Parses in this process (tests, and the parser child process itself). */
export async function parseInProcess(file: string, text: string): Promise<HclJson> {
  try {
    return (await (await loadParser()).parse(file, text)) as HclJson
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error)
    const { line, message } = firstDiagnostic(file, raw)
    throw new HclSyntaxError(file, line, message)
  }
}
