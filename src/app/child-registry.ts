import { closeSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { commandLine, descendantsOf, hostName, processStartTime } from '../locks/io/processes.js'
import type { RunSettings } from '../engine/run-settings.js'
import type { Executor } from '../terraform/io/executor.js'

/** The marker of a run in its folder: who runs it and every child it started. No summary.json beside it and no `finishedAt`: it never finished. */
export const RUN_MARKER = 'children.json'
/** Every command's output as it is printed, per deployment (the log proper is written when a command ends). */
export const LIVE_LOGS = 'live'

export interface ChildRecord {
  pid: number
  /** /proc start time: with the pid it names one process, even after the pid is reused. */
  startTime?: string
  command: string
  deployment?: string
}

/** children.json */
export interface RunMarker {
  runId: string
  host: string
  pid: number
  pidStartTime?: string
  startedAt: string
  finishedAt?: string
  children: ChildRecord[]
}

export interface ChildRegistry {
  /** `exec`, recording each command's process tree and keeping its output in the live logs as it prints. */
  executor(exec: Executor): Executor
  /** Records a process started outside the executor (the OPA server). */
  track(pid: number, deployment?: string): void
  /** The run ended: marks it finished. */
  close(): void
}

/** The live log of a deployment: `<runDir>/live/<id with __>.log`. */
export function liveLogFile(runDir: string, deploymentId: string): string {
  return join(runDir, LIVE_LOGS, `${deploymentId.replace(/\//g, '__')}.log`)
}

// How often this process's other children are looked for; and how children.json
// ends (each new child is written over it, followed by it again).
const [SCAN_MS, CLOSING] = [1_000, '\n  ]\n}\n']

/**
 * Records this run and its children in `<runDir>/children.json` from the start,
 * synchronously (a kill -9 may follow any moment), so that the next run in the
 * same place can tell it never finished and stop what it left running. A child
 * costs one small write (added in place before the closing bracket), not a rewrite.
 */
export function openChildRegistry(settings: Pick<RunSettings, 'runDir' | 'runId' | 'workDir'>): ChildRegistry {
  mkdirSync(join(settings.runDir, LIVE_LOGS), { recursive: true })
  const marker: RunMarker = {
    runId: settings.runId,
    host: hostName(),
    pid: process.pid,
    pidStartTime: processStartTime(process.pid),
    startedAt: new Date().toISOString(),
    children: []
  }
  const file = join(settings.runDir, RUN_MARKER)
  let fd: number | undefined
  let size = 0
  // The whole file, atomically; then kept open for the in-place additions.
  const save = (): void => {
    const head = JSON.stringify({ ...marker, children: undefined }, null, 2).slice(0, -2)
    const text = `${head},\n  "children": [${marker.children.map((c) => `\n    ${JSON.stringify(c)}`).join(',')}${CLOSING}`
    writeFileSync(`${file}.tmp`, text)
    renameSync(`${file}.tmp`, file)
    if (fd !== undefined) closeSync(fd)
    fd = openSync(file, 'r+')
    size = Buffer.byteLength(text)
  }
  const known = new Set<string>()
  let scanned = 0
  // `started`: the first pid's command line as started, not read back from /proc (where a quick tool may already be a zombie, its cmdline empty).
  // `startTimes`: what the spawner already read from /proc (each read here costs the run's main thread).
  const add = (pids: readonly number[], deployment?: string, started?: string, startTimes?: ReadonlyMap<number, string>): void => {
    // Children started elsewhere (OPA) are looked for at most once a second, with the next command.
    const others = Date.now() - scanned >= SCAN_MS ? ((scanned = Date.now()), descendantsOf(process.pid)) : []
    for (const pid of new Set([...pids, ...others])) {
      const startTime = startTimes?.get(pid) ?? processStartTime(pid)
      if (startTime === undefined || known.has(`${pid}@${startTime}`)) continue
      known.add(`${pid}@${startTime}`)
      const named = pids.includes(pid) ? deployment : undefined
      const child: ChildRecord = { pid, startTime, command: ((pid === pids[0] && started) || commandLine(pid)).slice(0, 300), ...(named ? { deployment: named } : {}) }
      const entry = Buffer.from(`${marker.children.length ? ',' : ''}\n    ${JSON.stringify(child)}${CLOSING}`)
      marker.children.push(child)
      if (fd !== undefined) size += writeSync(fd, entry, 0, entry.length, size - CLOSING.length) - CLOSING.length // (else the run is over)
    }
  }
  const deploymentOf = (dataDir: string | undefined): string | undefined => {
    const rel = dataDir ? relative(settings.workDir, dataDir) : ''
    return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : undefined
  }
  save()
  return {
    executor: (exec) => async (tool, args, options) => {
      const deployment = deploymentOf(options.env.TF_DATA_DIR)
      // Not a command whose stdout is data (a plan's JSON, a state): sensitive values stay out of every log.
      const liveLog = deployment && !options.stdoutIsData ? liveLogFile(settings.runDir, deployment) : undefined
      let first = true
      // The command writes its live log itself, as it prints (a kill -9 loses none of it).
      return exec(tool, args, {
        ...options,
        liveLog,
        onChildPids: (pids, startTimes) => {
          add(pids, deployment, first ? [tool, ...args].join(' ') : undefined, startTimes)
          first = false
          options.onChildPids?.(pids, startTimes)
        }
      })
    },
    track: (pid, deployment) => add([pid], deployment),
    close: () => {
      marker.finishedAt = new Date().toISOString()
      save()
      if (fd !== undefined) closeSync(fd)
      fd = undefined
    }
  }
}
