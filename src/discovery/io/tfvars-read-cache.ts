import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, type BigIntStats } from 'node:fs'
import { join } from 'node:path'
import { readText } from './read-text.js'
import { encode, RACY_MARGIN_NS, settled, statKey, storable, storableName, StoredEntries, tfvarsReadCacheFile, type Entry, type TfvarsReading } from './tfvars-read-format.js'

export { tfvarsReadCacheFile, type TfvarsReading }

// One options object for every file: a fleet has thousands.
const STAT = { bigint: true, throwIfNoEntry: false } as const

/**
 * What each tfvars file became, keyed by path and checked against the file's
 * stat, so a warm discovery stats a fleet's files instead of reading them. A
 * file whose stat differs, or that changed shortly before the cache was
 * written, is read again; only files that made a deployment are stored.
 * Best effort: a cache that cannot be read or written is ignored.
 */
export class TfvarsReadCache {
  private readonly started = process.hrtime.bigint()
  /** This discovery's entries, in order: what is written back (a stored one by where its line starts). */
  private readonly kept: (Entry | number)[] = []
  private changed = false
  /** Files read (not answered by the cache), for tests and benchmarks. */
  reads = 0

  private constructor(
    private readonly file: string | undefined,
    private readonly stored: StoredEntries | undefined,
    /** Entries of files changed at or after this time (the cache file's clock) are not trusted. */
    private readonly trustedBefore: bigint
  ) {}

  /** The cache of `workingDir`, or none (every file is read) when `workingDir` is undefined. */
  static open(workingDir: string | undefined): TfvarsReadCache {
    if (workingDir === undefined) return new TfvarsReadCache(undefined, undefined, 0n)
    const file = tfvarsReadCacheFile(workingDir)
    let fd: number | undefined
    try {
      // The write time and the contents from one open file: a cache replaced in between cannot mix them.
      fd = openSync(file, 'r')
      const written = fstatSync(fd, { bigint: true }).mtimeNs
      const stored = StoredEntries.parse(readFileSync(fd, 'utf8'))
      if (stored) return new TfvarsReadCache(file, stored, written - stored.lagNs - RACY_MARGIN_NS)
    } catch {
      // Missing, unreadable or corrupt: every file is read.
    } finally {
      if (fd !== undefined) closeSync(fd)
    }
    return new TfvarsReadCache(file, undefined, 0n)
  }

  /** What `path` (of the relative `file`) gave when it was stored, if its stat is unchanged and settled; undefined means: read it. */
  get(file: string, path: string): TfvarsReading | undefined {
    const stored = this.stored
    const at = stored && storableName(file) ? stored.find(file) : -1
    if (!stored || at < 0) return undefined
    let now: BigIntStats | undefined
    try {
      now = statSync(path, STAT)
    } catch {
      return undefined // reading it reports the problem as reading always has
    }
    if (!now || !stored.hasKey(at, file.length, statKey(now)) || !settled(now, this.trustedBefore)) return undefined
    const reading = stored.reading(at, file.length)
    if (reading) this.kept.push(at)
    return reading
  }

  /** Reads `path` as UTF-8 with the stat of what was read (taken first: a later change shows as another stat). */
  read(path: string): { text: string; stat: BigIntStats } {
    this.reads++
    const fd = openSync(path, 'r')
    try {
      const stat = fstatSync(fd, { bigint: true })
      return { text: readText(fd), stat }
    } finally {
      closeSync(fd)
    }
  }

  /** Stores what the file `file`, read with `stat`, gave. */
  set(file: string, stat: BigIntStats, reading: TfvarsReading): void {
    const entry = { file, key: statKey(stat), account_name: reading.account_name, region: reading.region, names: reading.names }
    if (this.file === undefined || !storable(entry)) return
    this.kept.push(entry)
    this.changed = true
  }

  /** Writes this discovery's entries when any was read or is gone (atomically: a reader never sees half a file). */
  save(): void {
    if (this.file === undefined || (!this.changed && this.stored !== undefined && this.kept.length === this.stored.size)) return
    try {
      mkdirSync(join(this.file, '..'), { recursive: true })
      const temporary = `${this.file}.${process.pid}.tmp`
      const entries = this.kept.map((e) => (typeof e === 'number' ? this.stored?.entry(e) : e)).filter((e) => e !== undefined)
      writeFileSync(temporary, encode(process.hrtime.bigint() - this.started, entries))
      renameSync(temporary, this.file)
    } catch {
      // A read-only checkout or a file in the way: discovery works without the cache.
    }
  }
}
