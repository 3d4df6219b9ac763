// long file: one ObjectStore on a folder; its operations share the atomic-write and path helpers.
import { createHash, randomBytes } from 'node:crypto'
import { closeSync, constants as fsConstants, fdatasyncSync, fstatSync, linkSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, sep } from 'node:path'
import { objectKeyProblem, ObjectChangedError, ObjectExistsError, type ObjectInfo, type ObjectStore } from '../object-store.js'

// Temporary files sit beside their target (so rename stays on one file system)
// under a name no key can have, and list() never shows them.
const TEMP_MARK = '.tfo-tmp-'

// Created exclusively; where the platform has O_DSYNC, each write returns once its data (and the size) is on disk: fdatasync without a call of its own.
const DSYNC = fsConstants.O_DSYNC as number | undefined
const TEMP_FLAGS = fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | (DSYNC ?? 0)

// Locks, key records and most states are a few KiB: read directly, without a trip through the thread pool per step.
const SMALL = 256 * 1024

/** A file's content when it is small (undefined: larger, read it asynchronously); throws like readFile (ENOENT, EISDIR). */
function readSmall(path: string): Buffer | undefined {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    if (size > SMALL) return undefined
    // A file that grew since the stat is read the slow way, in full.
    const buffer = Buffer.allocUnsafe(size + 1)
    let length = 0
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n
    return length > size ? undefined : buffer.subarray(0, length)
  } finally {
    closeSync(fd)
  }
}

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code
/** The path names nothing: it is missing, or a file stands where a folder on the way should be. */
const absent = (error: unknown): boolean => codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR'
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Removes a file that may be gone already (a temporary name, a stale mutex). */
function removeQuietly(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    // gone already, or left for the next write's O_EXCL to refuse
  }
}

/** Every file below `dir`, as paths relative to it; none when it does not exist. */
async function filesBelow(dir: string): Promise<string[]> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (error) {
    if (absent(error)) return []
    throw error
  }
  const found: string[] = []
  for (const entry of entries) {
    if (entry.isDirectory()) found.push(...(await filesBelow(join(dir, entry.name))).map((p) => join(entry.name, p)))
    else if (entry.isFile() && !entry.name.includes(TEMP_MARK)) found.push(entry.name)
  }
  return found
}

// A conditional write holds its key's mutex for milliseconds: one older than this was left by a process that died holding it.
const STALE_MUTEX_MS = 30_000
// Created exclusively, as 'wx' would (nothing is written to it).
const MUTEX_FLAGS = fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL

/** Runs `work` holding `<path><TEMP_MARK>cas`, a file created exclusively (list() never shows it). */
async function withKeyMutex<T>(key: string, path: string, work: () => Promise<T>): Promise<T> {
  const mutex = `${dirname(path)}${sep}${TEMP_MARK}cas.${basename(path)}`
  for (;;) {
    try {
      closeSync(openSync(mutex, MUTEX_FLAGS, 0o666))
      break
    } catch (error) {
      if (codeOf(error) === 'ENOENT') throw new ObjectChangedError(key) // no folder: no object to replace
      if (codeOf(error) !== 'EEXIST') throw error
    }
    const held = await stat(mutex).catch(() => undefined)
    if (held && Date.now() - held.mtimeMs > STALE_MUTEX_MS) removeQuietly(mutex)
    else await new Promise((resolve) => setTimeout(resolve, 5))
  }
  try {
    return await work()
  } finally {
    removeQuietly(mutex)
  }
}

/**
 * An ObjectStore on a folder: a key is a path below it. Writes go to a temporary
 * file first and then replace (rename) or, create-only, hard-link the target,
 * which fails atomically when it exists. Local files are not encrypted.
 */
export function localObjectStore(root: string): ObjectStore {
  const pathOf = (key: string): string => {
    const problem = objectKeyProblem(key) ?? (key.includes(TEMP_MARK) ? `object key ${key} contains ${TEMP_MARK}` : undefined)
    if (problem) throw new Error(problem)
    return join(root, ...key.split('/'))
  }

  /** Creates the folder a write goes into; a clear error when a file is in the way. */
  const makeFolderFor = (key: string, path: string): void => {
    const folder = dirname(path)
    try {
      mkdirSync(folder, { recursive: true })
      return
    } catch (error) {
      if (!['ENOTDIR', 'EEXIST'].includes(codeOf(error) ?? '')) throw error
    }
    let current = root
    for (const part of relative(root, folder).split(sep)) {
      current = join(current, part)
      const found = statSync(current, { throwIfNoEntry: false })
      if (found && !found.isDirectory()) throw new Error(`cannot write ${key}: ${current} is a file, not a folder`)
    }
    throw new Error(`cannot write ${key}: cannot create the folder ${folder}`)
  }

  const head = async (key: string): Promise<ObjectInfo | undefined> => {
    const path = pathOf(key)
    try {
      const info = await stat(path)
      if (!info.isFile()) return undefined
      const hash = sha256(await readFile(path))
      return { key, size: info.size, lastModified: info.mtime, sha256: hash, etag: hash }
    } catch (error) {
      if (absent(error)) return undefined
      throw error
    }
  }

  const get = async (key: string): Promise<Uint8Array | undefined> => {
    try {
      return new Uint8Array(readSmall(pathOf(key)) ?? (await readFile(pathOf(key))))
    } catch (error) {
      if (absent(error) || codeOf(error) === 'EISDIR') return undefined
      throw error
    }
  }

  // Temporary names: random per store, then counted (no random bytes per write); O_EXCL refuses a name in use anyway.
  const tempPrefix = randomBytes(6).toString('hex')
  let tempCount = 0

  /** Creates a new temporary file beside `path`; the folder is made only when the open finds it missing (most writes go into existing folders). */
  const openTemp = (key: string, path: string): { temp: string; fd: number } => {
    const temp = join(dirname(path), `${TEMP_MARK}${basename(path)}.${tempPrefix}${(tempCount++).toString(36)}`)
    try {
      return { temp, fd: openSync(temp, TEMP_FLAGS, 0o666) }
    } catch (error) {
      if (!absent(error)) throw error
    }
    makeFolderFor(key, path)
    return { temp, fd: openSync(temp, TEMP_FLAGS, 0o666) }
  }

  // A write is done here, in one go: a few system calls on a local disk (about 30 µs on tmpfs, 180 µs with O_DSYNC
  // on the bench machine's ext4) cost the run less than five trips through the thread pool, or than a thread of its
  // own with a message each way, which cost more than the pool (measured: bench/README.md). Where a journaling file
  // system makes a link wait for a commit, the run's main thread waits with it: milliseconds, beside commands of seconds.
  const put: ObjectStore['put'] = async (key, body, options = {}) => {
    const path = pathOf(key)
    if (options.ifMatch !== undefined) {
      const expected = options.ifMatch
      // Conditional writers of one key take turns; the rename replaces the object without a moment where the key is absent.
      return withKeyMutex(key, path, async () => {
        if ((await head(key))?.etag !== expected) throw new ObjectChangedError(key)
        return put(key, body, { ...options, ifMatch: undefined, ifNoneMatch: false })
      })
    }
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
    const { temp, fd } = openTemp(key, path)
    let mtime: Date
    try {
      try {
        // The content is on disk before it becomes visible under the key: O_DSYNC writes return once it is, else an fsync.
        for (let at = 0; at < bytes.byteLength; ) at += writeSync(fd, bytes, at, bytes.byteLength - at, null)
        if (!DSYNC) fdatasyncSync(fd)
        // Linked or renamed, the key names this same inode: its mtime is the object's.
        mtime = fstatSync(fd).mtime
      } finally {
        closeSync(fd)
      }
      if (options.ifNoneMatch) linkSync(temp, path)
      else renameSync(temp, path)
    } catch (error) {
      removeQuietly(temp)
      if (codeOf(error) === 'EEXIST') throw new ObjectExistsError(key)
      if (codeOf(error) === 'EISDIR') throw new Error(`cannot write ${key}: ${path} is a folder`)
      throw error
    }
    // A hard link leaves the temporary name behind; a rename consumed it.
    if (options.ifNoneMatch) removeQuietly(temp)
    const hash = sha256(bytes)
    return { key, size: bytes.byteLength, lastModified: mtime, sha256: hash, etag: hash }
  }

  return {
    location: root,
    get,
    head,
    put,
    async copy(fromKey, toKey) {
      const bytes = await get(fromKey)
      if (!bytes) throw new Error(`cannot copy ${pathOf(fromKey)}: it does not exist`)
      return put(toKey, bytes)
    },
    async delete(key) {
      // One unlink (rm would lstat first); a key that is already gone is deleted.
      try {
        unlinkSync(pathOf(key))
      } catch (error) {
        if (!absent(error)) throw error
      }
    },
    async list(prefix) {
      // Walk only the deepest folder the prefix names, then filter by the rest.
      const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1)
      const keys = (await filesBelow(join(root, ...folder.split('/').filter(Boolean))))
        .map((p) => folder + p.split(sep).join('/'))
        .filter((key) => key.startsWith(prefix))
      const found: ObjectInfo[] = []
      for (const key of keys.sort()) {
        const info = await stat(pathOf(key)).catch(() => undefined) // deleted meanwhile
        if (info) found.push({ key, size: info.size, lastModified: info.mtime })
      }
      return found
    },
    async listLevel(prefix) {
      const dir = join(root, ...prefix.split('/').filter(Boolean))
      const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
        if (absent(error)) return []
        throw error
      })
      const objects: ObjectInfo[] = []
      const folders: string[] = []
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (e.name.includes(TEMP_MARK)) continue
        if (e.isDirectory()) folders.push(`${prefix}${e.name}/`)
        else if (e.isFile()) {
          const info = await stat(join(dir, e.name)).catch(() => undefined)
          if (info) objects.push({ key: `${prefix}${e.name}`, size: info.size, lastModified: info.mtime })
        }
      }
      return { objects, folders }
    }
  }
}
