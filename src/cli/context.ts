import { readEnvironment, type Environment } from '../app/environment.js'
import type { Output } from './output.js'

/** What every command gets: where to write, the environment read once, and how to set the exit code. */
export interface CliContext {
  output: Output
  env: Environment
  setExitCode(code: number): void
}

/** A context from a full one or from a bare Output (commands built alone, as in tests). */
export function contextOf(given: CliContext | Output): CliContext {
  if ('output' in given) return given
  return { output: given, env: readEnvironment(), setExitCode: () => undefined }
}
