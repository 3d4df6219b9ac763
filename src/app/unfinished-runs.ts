import { access, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { hostName, pidAlive, processStartTime, signalProcess } from '../locks/io/processes.js'
import { listRunLocks, releaseRunLock } from '../locks/io/run-lock-store.js'
import { checkStateAfterKill } from '../locks/io/state-repair.js'
import type { UnfinishedRun } from '../locks/unfinished-report.js'
import type { StateStore } from '../state/state-store.js'
import { liveLogFile, RUN_MARKER, type ChildRecord, type RunMarker } from './child-registry.js'

/** Written into an unfinished run's folder once it was dealt with, so it is reported once. */
export const RECOVERED_FILE = 'recovered.json'

export interface RecoverOptions {
  /** `.tf-orchestrator/runs` */
  runsDir: string
  /** The run starting now (never itself unfinished). */
  currentRunId?: string
  /** Where the run locks and states are. */
  store: StateStore
  /** How long orphans get after SIGINT before SIGKILL. */
  graceMs: number
}

const readJson = async <T>(file: string): Promise<T | undefined> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T
  } catch {
    return undefined
  }
}
const exists = async (file: string): Promise<boolean> => await access(file).then(() => true, () => false)
// The recorded process, not another that got its pid since.
const stillThere = (c: { pid: number; startTime?: string }): boolean => pidAlive(c.pid) && processStartTime(c.pid) === c.startTime

/** The runs of this host that died without finishing: a marker, no summary, no finish time, their process gone. */
async function unfinishedMarkers(o: RecoverOptions): Promise<{ runDir: string; marker: RunMarker }[]> {
  const names = await readdir(o.runsDir).catch(() => [] as string[])
  const found = []
  for (const name of names.sort()) {
    if (name === o.currentRunId) continue
    const runDir = join(o.runsDir, name)
    // Finished runs (most) are told by a name, before their marker is read: a big run's marker lists thousands of children.
    if ((await exists(join(runDir, 'summary.json'))) || (await exists(join(runDir, RECOVERED_FILE)))) continue
    const marker = await readJson<RunMarker>(join(runDir, RUN_MARKER))
    if (!marker || marker.finishedAt || marker.host !== hostName()) continue
    if (stillThere({ pid: marker.pid, startTime: marker.pidStartTime })) continue // still running: not ours to touch
    found.push({ runDir, marker })
  }
  return found
}

/** SIGINT to every orphan still alive (OpenTofu stops cleanly), SIGKILL to what is left after the grace period. */
async function stopOrphans(children: readonly ChildRecord[], graceMs: number): Promise<UnfinishedRun['stopped']> {
  const alive = children.filter(stillThere)
  for (const c of alive) signalProcess(c.pid, 'SIGINT')
  const deadline = Date.now() + graceMs
  while (alive.some(stillThere) && Date.now() < deadline) await sleep(100)
  return alive.map((c) => {
    const killed = stillThere(c) && signalProcess(c.pid, 'SIGKILL')
    return { pid: c.pid, command: c.command, signal: killed ? 'SIGKILL' : 'SIGINT' }
  })
}

/**
 * Finds the runs in `runsDir` that died without finishing (kill -9, a lost
 * runner), stops their orphaned children, checks the state of each deployment
 * they had in flight (their run locks) as after a kill, releases those locks,
 * and marks each run recovered. Returns what it found and did.
 */
export async function recoverUnfinishedRuns(o: RecoverOptions): Promise<UnfinishedRun[]> {
  const report: UnfinishedRun[] = []
  for (const { runDir, marker } of await unfinishedMarkers(o)) {
    const run: UnfinishedRun = { runId: marker.runId, runDir, startedAt: marker.startedAt, pid: marker.pid, stopped: [], released: [], states: [] }
    run.stopped = await stopOrphans(marker.children, o.graceMs)
    const objects = o.store.objects
    const held = objects ? (await listRunLocks(objects)).filter((l) => l.lock?.owner.runId === marker.runId && l.lock.owner.host === marker.host) : []
    for (const { key, deployment, lock } of held) {
      if (!lock || !objects) continue
      if (lock.stateKey) {
        // The log proper first: only text after its first apply section counts, and the live log is all after it.
        const logs = await Promise.all(
          [join(runDir, 'logs', `${deployment.replace(/\//g, '__')}.log`), liveLogFile(runDir, deployment)].map((f) => readFile(f, 'utf8').catch(() => ''))
        )
        const check = await checkStateAfterKill(o.store, lock.stateKey, { log: logs.join('\n'), since: new Date(lock.acquiredAt) })
        run.states.push({ deployment, stateKey: lock.stateKey, check })
      }
      if (await releaseRunLock(objects, lock).catch(() => false)) run.released.push(key)
    }
    await writeFile(join(runDir, RECOVERED_FILE), `${JSON.stringify({ recoveredAt: new Date().toISOString(), by: o.currentRunId, ...run }, null, 2)}\n`)
    report.push(run)
  }
  return report
}
