import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { signalProcess } from '../../locks/io/processes.js'
import { applyEnvChanges, envChanges } from '../env-changes.js'
import { collectOutput, sizeOf } from './output-files.js'
import { startSpawnerProcess } from './spawner-process.js'
import { startTool, type Captured, type RunningTool, type ToolStarter } from './spawn-tool.js'

/** A run's spawner: starts its commands from a small process of its own (spawner-script-python.ts, spawner-script.ts). */
export interface Spawner {
  /** The spawner process (a child of the run, to record as such). */
  pid: number
  /** Starts a command through the spawner; one that wants `onLine` is started directly (lines need pipes). */
  start: ToolStarter
  /** Ends the spawner once its commands have ended, and removes its scratch folder. */
  close(): Promise<void>
}

interface Pending {
  onStart: ((pid: number, startTime?: string) => void)[]
  pid?: number
  startTime?: string
  ended: boolean
  /** Signals asked for before the pid was known. */
  signals: NodeJS.Signals[]
  /** The end: "E" with the exit code or "sig N", or "F" with why it could not start. */
  settle: (kind: 'E' | 'F', rest: string[]) => void
  fail: (error: Error) => void
}

/** Starts the run's spawner (spawner-process.ts); undefined when none runs here, and the run spawns directly instead. */
export async function openSpawner(env: NodeJS.ProcessEnv = process.env): Promise<Spawner | undefined> {
  const helper = await startSpawnerProcess(env)
  return helper ? connect(helper, helper.pid as number) : undefined
}

/** Closes a spawner that may still be starting, or that could not start. */
export async function closeSpawner(spawning: Promise<Spawner | undefined>): Promise<void> {
  await spawning.then((spawner) => spawner?.close(), () => undefined)
}

function connect(helper: ChildProcess, helperPid: number): Spawner {
  // Private files for the output of commands without a live log (mkdtemp makes the folder 0700).
  const scratch = mkdtempSync(join(tmpdir(), 'tforch-spawn-'))
  const pending = new Map<string, Pending>()
  let next = 0
  // The environment of the last request sent: the next one carries only its changes (env-changes.ts), as the spawner keeps it too.
  const sent: Record<string, string> = {}
  let stderrTail = ''
  let gone: Error | undefined
  helper.stderr?.setEncoding('utf8').on('data', (text: string) => void (stderrTail = (stderrTail + text).slice(-2000)))
  let partial = ''
  helper.stdout?.setEncoding('utf8').on('data', (text: string) => {
    const lines = (partial + text).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) {
      const [kind, id = '', ...rest] = line.split(' ')
      const p = pending.get(id)
      if (!p) continue
      if (kind === 'S') {
        p.pid = Number(rest[0])
        p.startTime = rest[1]
        for (const listener of p.onStart.splice(0)) listener(p.pid, p.startTime)
        for (const signal of p.signals.splice(0)) signalProcess(p.pid, signal)
      } else if (kind === 'E' || kind === 'F') {
        pending.delete(id)
        p.ended = true
        p.settle(kind, rest)
      }
    }
  })
  const ended = new Promise<void>((resolve) => helper.once('close', () => resolve()))
  helper.once('close', (code, signal) => {
    gone = new Error(`the process spawner (${helper.spawnfile}, pid ${helperPid}) ended (${signal ?? `exit ${code}`})${stderrTail.trim() ? `: ${stderrTail.trim()}` : ''}`)
    for (const p of pending.values()) p.fail(gone)
    pending.clear()
  })
  // Its stdin may be closed under a write if it died; the 'close' handler reports that.
  helper.stdin?.on('error', () => undefined)

  const start: ToolStarter = (tool, args, cwd, env, output) => {
    if (output.onLine) return startTool(tool, args, cwd, env, output)
    const id = String(next++)
    const files = output.liveLog ? { out: output.liveLog, err: '' } : { out: join(scratch, `${id}.out`), err: join(scratch, `${id}.err`) }
    // The command's part of the live log starts where the log ends now (a deployment's commands write it one at a time).
    const offset = output.liveLog ? sizeOf(output.liveLog) : 0
    const changes = envChanges(sent, env)
    const fields = [id, cwd, files.out, files.err, output.liveLog ? 'a' : 'w', String(changes.length), ...changes, String(args.length + 1), tool, ...args]
    const p: Pending = { onStart: [], ended: false, signals: [], settle: () => undefined, fail: () => undefined }
    const done = new Promise<Captured>((resolve, reject) => {
      p.fail = reject
      p.settle = (kind, rest) => {
        if (kind === 'F') return reject(new Error(`cannot run ${tool} in ${cwd}: ${rest.join(' ')}`))
        const exitCode = rest[0] === 'sig' ? null : Number(rest[0])
        try {
          resolve({ exitCode, ...collectOutput(files, output.liveLog !== undefined, offset) })
        } catch (error) {
          reject(error as Error)
        }
      }
    })
    if (gone) p.fail(gone)
    else if (fields.some((f) => f.includes('\0'))) p.fail(new Error(`cannot run ${tool} in ${cwd}: an argument, the folder or the environment holds a NUL character`))
    else {
      pending.set(id, p)
      helper.stdin?.write(`${fields.join('\0')}\0`)
      applyEnvChanges(sent, changes)
    }
    return {
      whenStarted: (listener) => {
        if (p.pid !== undefined) listener(p.pid, p.startTime)
        else if (!p.ended) p.onStart.push(listener)
      },
      kill: (signal) => {
        if (p.ended) return
        if (p.pid === undefined) p.signals.push(signal)
        else signalProcess(p.pid, signal)
      },
      done
    }
  }

  return {
    pid: helperPid,
    start,
    close: async () => {
      helper.stdin?.end()
      await ended
      rmSync(scratch, { recursive: true, force: true })
    }
  }
}
