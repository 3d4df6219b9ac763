import type { StateCheck } from './state-health.js'

/** A run that died without finishing (no summary), and what the next run did about it. */
export interface UnfinishedRun {
  runId: string
  runDir: string
  startedAt?: string
  /** The CLI or action process that died. */
  pid: number
  /** Its children still alive, stopped: SIGINT first, SIGKILL after the grace period. */
  stopped: { pid: number; command: string; signal: 'SIGINT' | 'SIGKILL' }[]
  /** The run locks it held, released (its in-flight deployments). */
  released: string[]
  /** Each in-flight deployment's state, checked as after a kill. */
  states: { deployment: string; stateKey: string; check: StateCheck }[]
}

/** What to tell the user about one unfinished run, line by line. */
export function describeUnfinishedRun(u: UnfinishedRun): string[] {
  const lines = [`run ${u.runId} (pid ${u.pid}${u.startedAt ? `, started ${u.startedAt}` : ''}) did not finish: it has no summary`]
  for (const s of u.stopped) lines.push(`  stopped its orphan ${s.pid} (${s.signal}): ${s.command}`)
  for (const key of u.released) lines.push(`  released its run lock ${key}`)
  for (const { deployment, check } of u.states) {
    const what =
      check.status === 'restored'
        ? `state was unusable (${check.problem}); restored from ${check.restoredFrom}`
        : check.status === 'unrecoverable'
          ? `state is unusable (${check.problem}) and could not be restored: ${check.error}`
          : check.status === 'missing'
            ? 'has no state'
            : 'state is readable'
    lines.push(`  ${deployment}: ${what}${check.releasedLock ? `; removed the backend lock ${check.releasedLock}` : ''}`)
    const created = check.createdSinceBackup ?? []
    if (created.length > 0) lines.push(`  ${deployment}: created but in no state (import them): ${created.join(', ')}`)
  }
  return lines
}
