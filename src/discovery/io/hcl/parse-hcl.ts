import { bundledWasmPath } from './wasm-location.js'
import { existsSync } from 'node:fs'
import { parseInProcess } from './parse-in-process.js'
import { parseInSubprocess, stopSubprocessParser } from './parser-subprocess.js'

export { HclSyntaxError, type HclJson } from './parse-in-process.js'
import type { HclJson } from './parse-in-process.js'

/**
 * Parses HCL text (a .tf or .tfvars file) with HashiCorp's own parser, run as
 * WebAssembly. `file` is used in error messages only.
 *
 * From the bundle the parser runs in a child process: its WebAssembly memory
 * would otherwise make every later fork of this process (hundreds of tofu
 * commands) measurably slower.
 */
export function parseHcl(file: string, text: string): Promise<HclJson> {
  return existsSync(bundledWasmPath) ? parseInSubprocess(file, text) : parseInProcess(file, text)
}

/** Ends the parser child process once discovery is done. */
export function stopHclParser(): void {
  stopSubprocessParser()
}
