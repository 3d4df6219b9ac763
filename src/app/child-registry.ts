import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
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

/**
 * Records this run and its children in `<runDir>/children.json` from the start,
 * synchronously (a kill -9 may follow any moment), so that the next run in the
 * same place can tell it never finished and stop what it left running.
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
  const save = (): void => {
    writeFileSync(`${file}.tmp`, `${JSON.stringify(marker, null, 2)}\n`)
    renameSync(`${file}.tmp`, file)
  }
  const add = (pids: readonly number[], deployment?: string): void => {
    let changed = false
    // Descendants of this process too: children started elsewhere (OPA) are caught with the next command.
    for (const pid of new Set([...pids, ...descendantsOf(process.pid)])) {
      const startTime = processStartTime(pid)
      if (startTime === undefined || marker.children.some((c) => c.pid === pid && c.startTime === startTime)) continue
      const named = pids.includes(pid) ? deployment : undefined
      marker.children.push({ pid, startTime, command: commandLine(pid).slice(0, 300), ...(named ? { deployment: named } : {}) })
      changed = true
    }
    if (changed) save()
  }
  const deploymentOf = (dataDir: string | undefined): string | undefined => {
    const rel = dataDir ? relative(settings.workDir, dataDir) : ''
    return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : undefined
  }
  save()
  return {
    executor: (exec) => (tool, args, options) => {
      const deployment = deploymentOf(options.env.TF_DATA_DIR)
      // Not `show -json`: the plan's JSON holds sensitive values and stays out of every log.
      const live = deployment && args[0] !== 'show' && !args.includes('-json') ? liveLogFile(settings.runDir, deployment) : undefined
      return exec(tool, args, {
        ...options,
        onChildPids: (pids) => {
          add(pids, deployment)
          options.onChildPids?.(pids)
        },
        onLine: (line) => {
          if (live) appendFileSync(live, `${line}\n`)
          options.onLine?.(line)
        }
      })
    },
    track: (pid, deployment) => add([pid], deployment),
    close: () => {
      marker.finishedAt = new Date().toISOString()
      save()
    }
  }
}
