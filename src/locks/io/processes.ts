import { readdirSync, readFileSync } from 'node:fs'
import { hostname, userInfo } from 'node:os'

/** This machine's name, as lock owners record it. */
export function hostName(): string {
  return hostname()
}

/** `user@host`: how OpenTofu names the holder of a backend lock (LockInfo.Who). */
export function backendLockWho(): string {
  return `${userInfo().username}@${hostname()}`
}

/** The fields of /proc/<pid>/stat after the command name, or undefined when the process is gone. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    return undefined
  }
}

/**
 * When a process started, in clock ticks since boot (/proc stat field 22):
 * with the pid it names one process, even after the pid is reused.
 */
export function processStartTime(pid: number): string | undefined {
  return statFields(pid)?.[19]
}

/** Whether a process of this host exists (a zombie counts as gone). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const state = statFields(pid)?.[0]
  return state !== 'Z'
}

/** Every live descendant of `pid` (children, their children...), from /proc. */
export function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>()
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return []
  }
  for (const entry of entries) {
    const child = Number(entry)
    if (!Number.isInteger(child)) continue
    const fields = statFields(child)
    if (!fields || fields[0] === 'Z') continue
    const parent = Number(fields[1])
    children.set(parent, [...(children.get(parent) ?? []), child])
  }
  const found: number[] = []
  const queue = [pid]
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      found.push(child)
      queue.push(child)
    }
  }
  return found
}

/** The command line of a process, for reports (empty when it is gone). */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ')
  } catch {
    return ''
  }
}

/** Sends `signal` to a process; false when it is gone. */
export function signalProcess(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal)
    return true
  } catch {
    return false
  }
}
