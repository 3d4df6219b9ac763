import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync, unlinkSync } from 'node:fs'
import type { Captured } from './spawn-tool.js'

/** The size of a file, 0 when there is none yet (where a command's part of a live log starts). */
export function sizeOf(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

/**
 * The command's output from its files: its part of the live log, or its two
 * private files (removed once read). All of it directly: a few KiB from
 * existing files, and removing two names, cost less than trips through the
 * thread pool.
 */
export function collectOutput(files: { out: string; err: string }, live: boolean, offset: number): Omit<Captured, 'exitCode'> {
  if (live) {
    const fd = openSync(files.out, 'r')
    try {
      const buffer = Buffer.alloc(Math.max(0, fstatSync(fd).size - offset))
      for (let at = 0; at < buffer.length; ) {
        const n = readSync(fd, buffer, at, buffer.length - at, offset + at)
        if (n === 0) break
        at += n
      }
      return { stdout: '', stderr: '', output: buffer.toString('utf8') }
    } finally {
      closeSync(fd)
    }
  }
  const [stdout, stderr] = [readFileSync(files.out, 'utf8'), readFileSync(files.err, 'utf8')]
  // A scratch file that cannot be removed is left behind (the spawner's folder goes at the end): it does not fail the command.
  // One unlink each (rm would lstat first, twice).
  for (const file of [files.out, files.err]) {
    try {
      unlinkSync(file)
    } catch {
      // left for the folder's removal
    }
  }
  return { stdout, stderr, output: stdout + stderr }
}
