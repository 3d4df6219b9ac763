import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { HclJson } from './hcl/parse-hcl.js'

/**
 * Bump when the parser (@cdktn/hcl2json) or what is stored changes: entries of
 * another version are dropped, never reused.
 */
export const PARSE_CACHE_VERSION = 'hcl2json-0.24.0/1'

/** Where the cache lives: safe to delete at any time. */
export const parseCacheFile = (workingDir: string): string => join(workingDir, '.tf-orchestrator', 'cache', 'hcl-parse.json')

interface CacheFile {
  version: string
  /** sha256 of the text (with its syntax) -> what the HCL parser made of it. */
  entries: Record<string, HclJson>
}

/**
 * What HashiCorp's HCL parser made of a file, keyed by a hash of its exact
 * text, so a warm discovery re-parses only files whose contents changed. A
 * changed file has another hash and is parsed again; only successful parses
 * are stored (errors are always reported fresh). Best effort: a cache that
 * cannot be read or written is ignored.
 */
export class ParseCache {
  private readonly used = new Map<string, HclJson>()
  private added = 0
  /** Parser calls this cache could not answer (for the benchmarks). */
  misses = 0

  private constructor(
    private readonly file: string | undefined,
    private readonly stored: Record<string, HclJson>
  ) {}

  /** The cache of `workingDir`, or an in-memory one when `workingDir` is undefined. */
  static open(workingDir: string | undefined): ParseCache {
    if (workingDir === undefined) return new ParseCache(undefined, {})
    const file = parseCacheFile(workingDir)
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>
      if (parsed.version === PARSE_CACHE_VERSION && parsed.entries && typeof parsed.entries === 'object') return new ParseCache(file, parsed.entries)
    } catch {
      // Missing, unreadable or corrupt: start empty.
    }
    return new ParseCache(file, {})
  }

  /** True when nothing was stored (a first or cache-less discovery): every HCL file will be parsed. */
  get empty(): boolean {
    return Object.keys(this.stored).length === 0
  }

  /** The stored parse of `text`, or `parse(text)` stored for next time. */
  async get(syntax: 'hcl' | 'json', text: string, parse: () => Promise<HclJson>): Promise<HclJson> {
    const key = createHash('sha256').update(syntax).update('\u0000').update(text).digest('base64')
    const known = this.used.get(key) ?? (Object.hasOwn(this.stored, key) ? this.stored[key] : undefined)
    if (known !== undefined) {
      this.used.set(key, known)
      return structuredClone(known)
    }
    this.misses++
    const value = await parse()
    this.used.set(key, structuredClone(value))
    this.added++
    return value
  }

  /** Writes the entries this discovery used, when anything changed (atomically: a reader never sees half a file). */
  save(): void {
    if (this.file === undefined) return
    if (this.added === 0 && this.used.size === Object.keys(this.stored).length) return
    const content: CacheFile = { version: PARSE_CACHE_VERSION, entries: Object.fromEntries(this.used) }
    try {
      mkdirSync(join(this.file, '..'), { recursive: true })
      const temporary = `${this.file}.${process.pid}.tmp`
      writeFileSync(temporary, JSON.stringify(content))
      renameSync(temporary, this.file)
    } catch {
      // A read-only checkout or a file in the way: discovery works without the cache.
    }
  }
}
