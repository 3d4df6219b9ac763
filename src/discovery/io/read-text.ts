import { readFileSync, readSync } from 'node:fs'

// One buffer for every small file: most tfvars files fit, and reading into it skips readFileSync's stat call.
const BUFFER = Buffer.allocUnsafe(64 * 1024)

/** The whole of the open file `fd` as UTF-8, as readFileSync(path, 'utf8') would read it. */
export function readText(fd: number): string {
  let size = 0
  for (;;) {
    // Positioned reads leave the file offset at 0, where readFileSync(fd) starts for a bigger file.
    const got = readSync(fd, BUFFER, size, BUFFER.length - size, size)
    if (got === 0) return BUFFER.toString('utf8', 0, size)
    size += got
    if (size === BUFFER.length) return readFileSync(fd, 'utf8')
  }
}
