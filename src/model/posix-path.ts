/**
 * Joins relative posix paths and resolves `.` and `..` segments, like
 * `path.posix.normalize(path.posix.join(...))`, without Node: the pure core
 * works on repository-relative paths only. Leading `..` segments are kept.
 */
export function joinPosix(...parts: string[]): string {
  const absolute = parts[0]?.startsWith('/') ?? false
  const out: string[] = []
  for (const segment of parts.join('/').split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop()
    else if (segment !== '..' || !absolute) out.push(segment)
  }
  const joined = out.join('/')
  return absolute ? `/${joined}` : joined || '.'
}
