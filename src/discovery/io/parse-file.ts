import { printablePath } from '../../model/names.js'
import { shortMessage } from '../short-message.js'
import { parseLiteralTfvars, skimLiteralTfvars } from '../literal-tfvars.js'
import { HclSyntaxError, parseHcl, type HclJson } from './hcl/parse-hcl.js'
import type { ParseCache } from './parse-cache.js'

/**
 * Parses a configuration or variables file the way OpenTofu reads it:
 * `*.json` as JSON syntax, everything else as native HCL. A binary file or a
 * syntax error throws HclSyntaxError with one short message naming the file.
 * A plain literal .tfvars file is read by the fast path (the same result);
 * other HCL goes through `cache` to the HCL parser.
 */
export async function parseFile(file: string, text: string, cache?: ParseCache): Promise<HclJson> {
  if (text.includes('\u0000')) {
    throw new HclSyntaxError(file, undefined, `${printablePath(file)}: a binary file (it contains NUL bytes), not ${file.endsWith('.json') ? 'JSON' : 'HCL'} text`)
  }
  if (file.endsWith('.json')) return parseJson(file, text)
  const literal = parseLiteralFile(file, text)
  if (literal) return literal
  return cache ? cache.get('hcl', text, () => parseHcl(file, text)) : parseHcl(file, text)
}

/**
 * What parseFile returns for a plain literal .tfvars file, synchronously;
 * undefined for any other file (those go to parseFile). `skim`: lists and
 * objects are SKIMMED (see skimLiteralTfvars).
 */
export function parseLiteralFile(file: string, text: string, skim = false): HclJson | undefined {
  if (!file.endsWith('.tfvars') || text.includes('\u0000')) return undefined
  return skim ? skimLiteralTfvars(text) : parseLiteralTfvars(text)
}

function parseJson(file: string, text: string): HclJson {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    const position = /at position (\d+)/.exec(message)?.[1]
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length
    throw new HclSyntaxError(file, line, `${printablePath(file)}${line ? `:${line}` : ''}: invalid JSON: ${shortMessage(message)}`)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HclSyntaxError(file, 1, `${printablePath(file)}:1: the JSON must be an object of attributes and blocks`)
  }
  return value as HclJson
}
