import type { BigIntStats } from 'node:fs'
import { join } from 'node:path'

/** Bump when the literal reader or this format changes: a file of another version is dropped whole. */
export const TFVARS_READ_CACHE_VERSION = 'tfvars-read/2'

/** Where the tfvars read cache lives, next to the parse cache: safe to delete at any time. */
export const tfvarsReadCacheFile = (workingDir: string): string => join(workingDir, '.tf-orchestrator', 'cache', 'tfvars-read.txt')

/**
 * A file changed within this long before the cache was written is read again
 * (git's racy-clean rule): it covers coarse file system clocks (1 s, FAT's 2 s)
 * and a file rewritten in the same clock tick as it was read, whose size and
 * times then stay the same.
 */
export const RACY_MARGIN_NS = 3_000_000_000n

/**
 * What a plain literal tfvars file gave: the two strings a deployment needs
 * (named as in the file, so it serves as the file's values) and its top-level names.
 */
export type TfvarsReading = {
  account_name: string
  region: string
  /** The top-level names, sorted (as the literal reader returns them). */
  names: readonly string[]
}

/** One entry: a file, the stat key it was read with, and what it gave. */
export type Entry = TfvarsReading & {
  file: string
  key: string
}

/** size, times, inode and device: a file whose key is unchanged (and is not racy) has unchanged contents. */
export const statKey = (s: BigIntStats): string => `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}:${s.dev}`

/** An entry is trusted only when the file's last change is safely older than the cache file (see RACY_MARGIN_NS). */
export const settled = (s: BigIntStats, trustedBefore: bigint): boolean => s.mtimeNs < trustedBefore && s.ctimeNs < trustedBefore

// Fields are separated by tabs, lines by line breaks, names by commas: an entry holding one of them is not stored.
const UNSAFE = /[\t\n\r,]/
export const storableName = (file: string): boolean => !UNSAFE.test(file)
export const storable = (entry: Entry): boolean =>
  storableName(entry.file) && !UNSAFE.test(entry.account_name) && !UNSAFE.test(entry.region) && !entry.names.some((n) => UNSAFE.test(n))

const TRAILER = 'end\n'
const TAB = 9

/**
 * The cache file's text: a version line; how long the discovery that wrote it
 * ran before writing (an entry is no newer than the write minus that) and the
 * number of entries; the distinct lists of names; one `file key account region
 * list` line per entry, in discovery order; a trailer that shows the file is
 * whole. Text lines rather than JSON: a warm discovery finds each entry where
 * the last one ended, without building an object per file.
 */
export function encode(lagNs: bigint, entries: readonly Entry[]): string {
  const numbers = new Map<string, number>()
  const lines: string[] = []
  for (const e of entries) {
    const names = e.names.join(',')
    let n = numbers.get(names)
    if (n === undefined) numbers.set(names, (n = numbers.size))
    lines.push(`${e.file}\t${e.key}\t${e.account_name}\t${e.region}\t${n}\n`)
  }
  return `${TFVARS_READ_CACHE_VERSION}\n${lagNs} ${lines.length}\n${[...numbers.keys()].join('\t')}\n${lines.join('')}${TRAILER}`
}

/** The entries of a cache file's text, looked up in the order they were written (one comparison each), or through an index built once. */
export class StoredEntries {
  private next: number
  private index: Map<string, number> | undefined

  private constructor(
    private readonly text: string,
    private readonly first: number,
    private readonly lists: readonly (readonly string[])[],
    readonly lagNs: bigint,
    /** How many entries the text holds. */
    readonly size: number
  ) {
    this.next = first
  }

  /** The entries of `text`, or undefined when it is not a whole cache file of this version. */
  static parse(text: string): StoredEntries | undefined {
    const [version, counts, lists] = text.split('\n', 3)
    const [, lag, size] = /^(\d+) (\d+)$/.exec(counts ?? '') ?? []
    if (version !== TFVARS_READ_CACHE_VERSION || lag === undefined || size === undefined || lists === undefined || !text.endsWith(`\n${TRAILER}`)) return undefined
    const first = version.length + (counts as string).length + lists.length + 3
    return new StoredEntries(text, first, lists.split('\t').map((l) => l.split(',')), BigInt(lag), Number(size))
  }

  /** Where the line of `file` starts, or -1. The next file is looked for where this line ends. */
  find(file: string): number {
    const text = this.text
    let at = this.next
    if (!(text.startsWith(file, at) && text.charCodeAt(at + file.length) === TAB)) at = this.lookup(file)
    if (at >= 0) this.next = text.indexOf('\n', at) + 1
    return at
  }

  /** Whether the line at `at`, of a file named with `length` characters, has the stat key `key` (compared in place). */
  hasKey(at: number, length: number, key: string): boolean {
    const start = at + length + 1
    return this.text.startsWith(key, start) && this.text.charCodeAt(start + key.length) === TAB
  }

  /** What the line at `at` (of a file named with `length` characters) stores, or undefined when it is malformed. */
  reading(at: number, length: number): TfvarsReading | undefined {
    const text = this.text
    const account = text.indexOf('\t', at + length + 1) + 1
    const region = account > 0 ? text.indexOf('\t', account) + 1 : 0
    const list = region > 0 ? text.indexOf('\t', region) + 1 : 0
    const end = text.indexOf('\n', at)
    if (list <= 0 || list >= end) return undefined
    let n = 0
    for (let i = list; i < end; i++) {
      const digit = text.charCodeAt(i) - 48
      if (digit < 0 || digit > 9) return undefined
      n = n * 10 + digit
    }
    const names = this.lists[n]
    return names && { account_name: text.slice(account, region - 1), region: text.slice(region, list - 1), names }
  }

  /** The whole entry of the line at `at`, to write it again. */
  entry(at: number): Entry | undefined {
    const line = this.text.slice(at, this.text.indexOf('\n', at)).split('\t')
    const reading = this.reading(at, (line[0] as string).length)
    return reading && line[1] !== undefined ? { file: line[0] as string, key: line[1], ...reading } : undefined
  }

  /** Out of order (files were added or removed): the line of `file` through an index of all lines, or -1. */
  private lookup(file: string): number {
    if (!this.index) {
      this.index = new Map()
      const last = this.text.length - TRAILER.length
      for (let at = this.first; at < last; at = this.text.indexOf('\n', at) + 1) this.index.set(this.text.slice(at, this.text.indexOf('\t', at)), at)
    }
    return this.index.get(file) ?? -1
  }
}
