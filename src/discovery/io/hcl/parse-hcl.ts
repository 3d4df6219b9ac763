import { bundledWasmPath } from './wasm-location.js'
import { existsSync } from 'node:fs'
import { parseInProcess } from './parse-in-process.js'
import { parseInSubprocess, startSubprocessParser, stopSubprocessParser } from './parser-subprocess.js'

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

/**
 * Starts the parser child now, for a discovery that will most likely need it
 * (its parse cache is empty): it gets ready while the fleet is walked. In
 * process (tests) nothing is loaded early.
 */
export function startHclParser(): void {
  if (existsSync(bundledWasmPath)) startSubprocessParser()
}

/** Ends the parser child process once discovery is done. */
export function stopHclParser(): void {
  stopSubprocessParser()
}
