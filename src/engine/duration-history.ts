import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { DeploymentResult } from '../model/run-result.js'

/** Recorded durations (ms) per deployment id, for critical-path estimates. */
export type DurationHistory = Record<string, number>

export async function loadHistory(file: string): Promise<DurationHistory> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown
    return parsed && typeof parsed === 'object' ? (parsed as DurationHistory) : {}
  } catch {
    return {}
  }
}

/** Blends each finished deployment's duration into the history (half old, half new) and saves it atomically. */
export async function saveHistory(file: string, history: DurationHistory, results: readonly DeploymentResult[]): Promise<void> {
  const next = { ...history }
  for (const r of results) {
    if (r.status !== 'succeeded') continue
    const old = next[r.id]
    next[r.id] = old === undefined ? r.durationMs : Math.round((old + r.durationMs) / 2)
  }
  await mkdir(dirname(file), { recursive: true })
  await writeFile(`${file}.tmp`, JSON.stringify(next, null, 2))
  await rename(`${file}.tmp`, file)
}
