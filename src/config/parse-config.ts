import { LineCounter, parseDocument, type Document } from 'yaml'
import type { z } from 'zod'
import { CycleError, findCycle, type DependencyGraph } from '../graph/dag.js'
import { printablePath } from '../model/names.js'
import { DEFAULT_SERVICE_DEPENDENCIES, DEFAULT_SERVICE_MAPPING } from './defaults.js'
import { configSchema, type ConfigFile } from './schema.js'
import { keyOffset, locate, nodeLines, offsetOf } from './yaml-locations.js'

/** A configuration error; the message names the file, the key path and the line. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** The validated configuration with the built-in maps merged in. */
export interface Config extends ConfigFile {
  /** Where it came from, for messages; undefined when there was no file. */
  file?: string
  /** Line of every key and list item by dotted key path, for messages of later checks. */
  lines?: ReadonlyMap<string, number>
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
    const messages = result.error.issues.map((issue) => describeIssue(issue, raw, doc, lineCounter, file))
    throw new ConfigError(messages.join('\n'))
  }
  const config = withDefaults(result.data, file, nodeLines(doc, lineCounter))
  assertNoServiceCycle(config)
  return config
}

/** The configuration used when there is no file. */
export function defaultConfig(): Config {
  return withDefaults(configSchema.parse({}), undefined, undefined)
}

function withDefaults(data: ConfigFile, file: string | undefined, lines: Map<string, number> | undefined): Config {
  const serviceDependencies: Record<string, string[]> = {}
  for (const [service, needs] of Object.entries(DEFAULT_SERVICE_DEPENDENCIES)) serviceDependencies[service] = [...needs]
  Object.assign(serviceDependencies, data.service_dependencies)
  return {
    ...data,
    file,
    ...(lines ? { lines } : {}),
    serviceMapping: { ...DEFAULT_SERVICE_MAPPING, ...data.service_mapping },
    serviceDependencies
  }
}

/** A cycle through the merged service_dependencies, named at the file's entry that closes it. */
function assertNoServiceCycle(config: Config): void {
  const graph: DependencyGraph = new Map(Object.entries(config.serviceDependencies).map(([s, needs]) => [s, new Set(needs)]))
  const cycle = findCycle(graph)
  if (!cycle) return
  let path: (string | number)[] = ['service_dependencies']
  for (let i = 0; i + 1 < cycle.length; i++) {
    const from = cycle[i] as string
    const index = config.service_dependencies[from]?.indexOf(cycle[i + 1] as string) ?? -1
    if (index >= 0) {
      path = ['service_dependencies', from, index]
      break
    }
  }
  const message = new CycleError(cycle, 'services in service_dependencies').message
  throw new ConfigError(`${locate(config.file, config.lines, path)}: ${path.join('.')}: ${message}`)
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown, doc: Document, lines: LineCounter, file: string): string {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))
  let keyPath = path.length ? path.join('.') : '(top level)'
  let offset = offsetOf(doc, path)
  let message = issue.message
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] as string
    keyPath = [...path, key].join('.')
    offset = keyOffset(doc, path, key) ?? offset
    message = `unknown key ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
  } else {
    const value = valueAt(raw, path)
    if (value !== undefined) message += ` (got ${preview(value)})`
  }
  const line = offset === undefined ? undefined : lines.linePos(offset).line
  return `${file}${line ? `:${line}` : ''}: ${printablePath(keyPath)}: ${message}`
}

function valueAt(raw: unknown, path: readonly (string | number)[]): unknown {
  let node = raw
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string | number, unknown>)[key]
  }
  return node
}

/** The offending value as JSON (control characters escaped), cut short for big maps. */
function preview(value: unknown): string {
  const json = printablePath(JSON.stringify(value) ?? String(value))
  return json.length > 80 ? `${json.slice(0, 79)}…` : json
}
