// long file: one ObjectStore on a folder; its operations share the atomic-write and path helpers.
import { createHash, randomBytes } from 'node:crypto'
import { link, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, sep } from 'node:path'
import { objectKeyProblem, ObjectExistsError, type ObjectInfo, type ObjectStore } from '../object-store.js'

// Temporary files sit beside their target (so rename stays on one file system)
// under a name no key can have, and list() never shows them.
const TEMP_MARK = '.tfo-tmp-'

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Every file below `dir`, as paths relative to it; none when it does not exist. */
async function filesBelow(dir: string): Promise<string[]> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes(codeOf(error) ?? '')) return []
    throw error
  }
  const found: string[] = []
  for (const entry of entries) {
    if (entry.isDirectory()) found.push(...(await filesBelow(join(dir, entry.name))).map((p) => join(entry.name, p)))
    else if (entry.isFile() && !entry.name.includes(TEMP_MARK)) found.push(entry.name)
  }
  return found
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

  /** The folder a write goes into, created; a clear error when a file is in the way. */
  const folderFor = async (key: string, path: string): Promise<string> => {
    const folder = dirname(path)
    try {
      await mkdir(folder, { recursive: true })
      return folder
    } catch (error) {
      if (!['ENOTDIR', 'EEXIST'].includes(codeOf(error) ?? '')) throw error
    }
    let current = root
    for (const part of relative(root, folder).split(sep)) {
      current = join(current, part)
      const found = await stat(current).catch(() => undefined)
      if (found && !found.isDirectory()) throw new Error(`cannot write ${key}: ${current} is a file, not a folder`)
    }
    throw new Error(`cannot write ${key}: cannot create the folder ${folder}`)
  }

  const head = async (key: string): Promise<ObjectInfo | undefined> => {
    const path = pathOf(key)
    try {
      const info = await stat(path)
      if (!info.isFile()) return undefined
      return { key, size: info.size, lastModified: info.mtime, sha256: sha256(await readFile(path)) }
    } catch (error) {
      if (['ENOENT', 'ENOTDIR'].includes(codeOf(error) ?? '')) return undefined
      throw error
    }
  }

  const get = async (key: string): Promise<Uint8Array | undefined> => {
    try {
      return new Uint8Array(await readFile(pathOf(key)))
    } catch (error) {
      if (['ENOENT', 'ENOTDIR', 'EISDIR'].includes(codeOf(error) ?? '')) return undefined
      throw error
    }
  }

  const put: ObjectStore['put'] = async (key, body, options = {}) => {
    const path = pathOf(key)
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
    const temp = join(await folderFor(key, path), `${TEMP_MARK}${basename(path)}.${randomBytes(6).toString('hex')}`)
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(bytes)
      await handle.sync() // the content is on disk before it becomes visible under the key
    } finally {
      await handle.close()
    }
    try {
      if (options.ifNoneMatch) await link(temp, path)
      else await rename(temp, path)
    } catch (error) {
      if (codeOf(error) === 'EEXIST') throw new ObjectExistsError(key)
      if (codeOf(error) === 'EISDIR') throw new Error(`cannot write ${key}: ${path} is a folder`)
      throw error
    } finally {
      await rm(temp, { force: true })
    }
    const info = await stat(path)
    return { key, size: bytes.byteLength, lastModified: info.mtime, sha256: sha256(bytes) }
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
      await rm(pathOf(key), { force: true })
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
        if (['ENOENT', 'ENOTDIR'].includes(codeOf(error) ?? '')) return []
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
