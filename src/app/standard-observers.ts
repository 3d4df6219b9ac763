import { mkdir, open, type FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { auditObserver } from '../audit/io/audit-observer.js'
import { ciContextFromEnv } from '../audit/ci-context.js'
import { emfObserver } from '../audit/emf-observer.js'
import type { Config } from '../config/parse-config.js'
import type { DurationHistory } from '../engine/duration-history.js'
import { historyObserver } from '../engine/observers/history-observer.js'
import { summaryFileObserver } from '../engine/observers/summary-file-observer.js'
import type { RunObserver } from '../engine/run-observer.js'
import type { RunSettings } from '../engine/run-settings.js'
import type { ObjectStore } from '../state/object-store.js'

/** Where a run's EMF metric lines go besides its metrics file. */
export interface MetricsOutput {
  /** Called with each line when `metrics: emf` (the CLI: stdout unless --json; the action: the log). */
  line?: (text: string) => void
}

/**
 * The outputs every run has, whatever started it: summary.json, the duration
 * history, the audit trail in the state store, and the EMF metrics file
 * (`<run dir>/metrics.jsonl`).
 */
export function standardObservers(o: {
  settings: RunSettings
  config: Config
  history: DurationHistory
  objects: ObjectStore
  warn: (message: string) => void
  metrics?: MetricsOutput
}): RunObserver[] {
  const observers = [
    summaryFileObserver(o.settings.runDir),
    historyObserver(o.settings.historyFile, o.history),
    auditObserver({ store: o.objects, warn: o.warn, ci: ciContextFromEnv(o.settings.env), backupKey: (r) => r.backup?.key })
  ]
  if (o.config.metrics === 'off') return observers
  const file = join(o.settings.runDir, 'metrics.jsonl')
  const toStdout = o.config.metrics === 'emf' ? o.metrics?.line : undefined
  const metrics = appender(file)
  const emf = emfObserver(async (line) => {
    await metrics.append(`${line}\n`)
    toStdout?.(line)
  })
  return [...observers, { ...emf, runFinished: () => metrics.close() }]
}

/**
 * Appends to one file through a handle opened at the first line and kept for
 * the run: one write per line instead of a mkdir, open, write and close. Each
 * append has reached the file (the kernel) when it resolves, as before.
 */
function appender(file: string): { append: (text: string) => Promise<void>; close: () => Promise<void> } {
  let handle: Promise<FileHandle> | undefined
  const opened = (): Promise<FileHandle> => {
    if (handle) return handle
    const opening = mkdir(dirname(file), { recursive: true }).then(() => open(file, 'a'))
    // A failed open is tried again by the next line.
    opening.catch(() => (handle = undefined))
    return (handle = opening)
  }
  // Lines are written one after the other, in the order they came.
  let queue: Promise<unknown> = Promise.resolve()
  return {
    append(text) {
      const written = queue.then(async () => void (await (await opened()).appendFile(text)))
      queue = written.catch(() => undefined)
      return written
    },
    async close() {
      await queue
      const h = handle
      handle = undefined
      await (await h?.catch(() => undefined))?.close()
    }
  }
}
