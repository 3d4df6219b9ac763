import './wasm-location.js'

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

// hcl2json reports "parse config: [<file>:<line>,<col>-<line>,<col>: <summary>; <detail>]".
const LOCATION = /^(?:parse config: \[)?(.+?):(\d+),\d+(?:-(?:\d+,)?\d+)?: (.*?)\]?$/s

/** Parses in this process (tests, and the parser child process itself). */
export async function parseInProcess(file: string, text: string): Promise<HclJson> {
  try {
    parser ??= import('@cdktn/hcl2json')
    return (await (await parser).parse(file, text)) as HclJson
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error)
    const first = raw.split('\n')[0] ?? raw
    const match = LOCATION.exec(first)
    if (match) {
      const line = Number(match[2])
      throw new HclSyntaxError(file, line, `${file}:${line}: ${match[3]}`)
    }
    throw new HclSyntaxError(file, undefined, `${file}: ${first}`)
  }
}
