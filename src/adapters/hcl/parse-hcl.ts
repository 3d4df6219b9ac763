import './wasm-location.js'
import { parse } from '@cdktn/hcl2json'

/** The JSON form of one HCL file, as HashiCorp's HCL library converts it. */
export type HclJson = Record<string, unknown>

/** Raised for a file that is not valid HCL; `message` names file and line. */
export class HclSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    detail: string
  ) {
    super(detail)
    this.name = 'HclSyntaxError'
  }
}

// hcl2json reports "parse config: [<file>:<line>,<col>-<line>,<col>: <summary>; <detail>]".
const LOCATION = /^(?:parse config: \[)?(.+?):(\d+),\d+(?:-(?:\d+,)?\d+)?: (.*?)\]?$/s

/**
 * Parses HCL text (a .tf or .tfvars file) with HashiCorp's own parser, run as
 * WebAssembly. `file` is used in error messages only.
 */
export async function parseHcl(file: string, text: string): Promise<HclJson> {
  try {
    return (await parse(file, text)) as HclJson
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
