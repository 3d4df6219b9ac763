import { closeSync, openSync, writeSync } from 'node:fs'

/** Text appended to files in batches: at most every `everyMs`, and whenever asked (say, when a command ends). */
export interface BatchedAppends {
  add(path: string, text: string): void
  flush(path: string): void
  /** Writes what is left and closes the files. */
  close(): void
}

/**
 * Batches appends (a write per line would cost a file open each), keeping the
 * `keepOpen` files written last open. A kill -9 loses at most `everyMs` of text.
 * Best effort: a file that cannot be written is skipped.
 */
export function batchedAppends(everyMs = 200, keepOpen = 32): BatchedAppends {
  const pending = new Map<string, string>()
  const open = new Map<string, number>()
  const flush = (path: string): void => {
    const text = pending.get(path)
    pending.delete(path)
    if (text === undefined) return
    try {
      const fd = open.get(path) ?? openSync(path, 'a')
      // Most recently written last: the first entry is the one to close.
      open.delete(path)
      open.set(path, fd)
      writeSync(fd, text)
      const [oldest, oldFd] = open.size > keepOpen ? ([...open][0] ?? []) : []
      if (oldest !== undefined && oldFd !== undefined) {
        open.delete(oldest)
        closeSync(oldFd)
      }
    } catch {
      // Skipped (see above).
    }
  }
  const timer = setInterval(() => [...pending.keys()].forEach(flush), everyMs).unref()
  return {
    add: (path, text) => void pending.set(path, (pending.get(path) ?? '') + text),
    flush,
    close: () => {
      clearInterval(timer)
      ;[...pending.keys()].forEach(flush)
      for (const fd of open.values()) closeSync(fd)
      open.clear()
    }
  }
}
