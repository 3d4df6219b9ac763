import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml'
import type { z } from 'zod'
import { DEFAULT_SERVICE_DEPENDENCIES, DEFAULT_SERVICE_MAPPING } from './defaults.js'
import { configSchema, type ConfigFile } from './schema.js'

/** A configuration error; the message names the file, the key path and the line. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** The validated configuration with the built-in maps merged in. */
export interface Config extends ConfigFile {
  /** Where it came from, for messages; undefined when there was no file. */
  file?: string
  serviceMapping: Record<string, string>
  serviceDependencies: Record<string, string[]>
}

/** Parses and validates the text of a .tf-orchestrator.yml (pure). */
export function parseConfig(text: string, file: string): Config {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const syntax = doc.errors[0]
  if (syntax) {
    const line = lineCounter.linePos(syntax.pos[0]).line
    throw new ConfigError(`${file}${line ? `:${line}` : ''}: invalid YAML: ${syntax.message.split('\n')[0]}`)
  }
  const raw: unknown = doc.toJS() ?? {}
  const result = configSchema.safeParse(raw)
  if (!result.success) {
    const messages = result.error.issues.map((issue) => describeIssue(issue, doc, lineCounter, file))
    throw new ConfigError(messages.join('\n'))
  }
  return withDefaults(result.data, file)
}

/** The configuration used when there is no file. */
export function defaultConfig(): Config {
  return withDefaults(configSchema.parse({}), undefined)
}

function withDefaults(data: ConfigFile, file: string | undefined): Config {
  const serviceDependencies: Record<string, string[]> = {}
  for (const [service, needs] of Object.entries(DEFAULT_SERVICE_DEPENDENCIES)) serviceDependencies[service] = [...needs]
  Object.assign(serviceDependencies, data.service_dependencies)
  return {
    ...data,
    file,
    serviceMapping: { ...DEFAULT_SERVICE_MAPPING, ...data.service_mapping },
    serviceDependencies
  }
}

function describeIssue(issue: z.core.$ZodIssue, doc: Document, lines: LineCounter, file: string): string {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))
  let keyPath = path.length ? path.join('.') : '(top level)'
  let offset = offsetOf(doc, path)
  let message = issue.message
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] as string
    keyPath = [...path, key].join('.')
    offset = keyOffset(doc, path, key) ?? offset
    message = `unknown key ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
  }
  const line = offset === undefined ? undefined : lines.linePos(offset).line
  return `${file}${line ? `:${line}` : ''}: ${keyPath}: ${message}`
}

/** Start offset of the node at `path`, or of its nearest existing parent. */
function offsetOf(doc: Document, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined
    if (node && typeof node === 'object' && node.range) return node.range[0]
    if (n === 0) return doc.contents?.range?.[0]
  }
  return undefined
}

function keyOffset(doc: Document, path: (string | number)[], key: string): number | undefined {
  const parent = path.length ? doc.getIn(path, true) : doc.contents
  if (!isMap(parent)) return undefined
  for (const pair of parent.items) {
    if (isScalar(pair.key) && pair.key.value === key) return pair.key.range?.[0]
  }
  return undefined
}
