import { readdirSync, readFileSync } from 'node:fs'
import { signalProcess } from '../../locks/io/processes.js'

/**
 * Every child process (and its children, however deep, even re-parented ones)
 * is started with this variable set to a token unique to one command. The
 * environment is inherited, so the token finds the whole tree on Linux, even
 * processes re-parented away from the tool.
 */
export const TOKEN_VARIABLE = 'TF_ORCHESTRATOR_PROCESS_TOKEN'

interface ProcessInfo {
  pid: number
  ppid: number
}

/** Processes whose environment carries `token`. */
export function processesWithToken(token: string): ProcessInfo[] {
  const needle = Buffer.from(`${TOKEN_VARIABLE}=${token}\0`)
  const found: ProcessInfo[] = []
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return found
  }
  for (const entry of entries) {
    const pid = Number(entry)
    if (!Number.isInteger(pid) || pid === process.pid) continue
    try {
      const environ = readFileSync(`/proc/${pid}/environ`)
      if (environ.indexOf(needle) === -1) continue
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      // The command name may contain spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (fields[0] === 'Z') continue
      found.push({ pid, ppid: Number(fields[1]) })
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found
}

/** Sends `signal` to every process of the tree; returns how many were signalled. */
export function signalTree(token: string, signal: NodeJS.Signals): number {
  let sent = 0
  for (const p of processesWithToken(token)) if (signalProcess(p.pid, signal)) sent++
  return sent
}

/**
 * Reports the pids of the tree carrying `token` every `everyMs` while the tree
 * has a pid not reported yet (`known`: already reported). Each look is a full
 * /proc scan (a read of every process's environment), so a command that ends
 * within `everyMs` (most do) costs none: at 50 ms, every OpenTofu command cost
 * one, 15 % of the run's own CPU on 100 trivial deployments. Returns the
 * function that stops watching.
 */
export function watchTree(token: string, onPids: (pids: number[]) => void, known: readonly number[] = [], everyMs = 1000): () => void {
  const seen = new Set<number>(known)
  const look = (): void => {
    const pids = processesWithToken(token).map((p) => p.pid)
    if (!pids.some((pid) => !seen.has(pid))) return
    for (const pid of pids) seen.add(pid)
    onPids(pids)
  }
  const every = setInterval(look, everyMs)
  every.unref()
  return () => clearInterval(every)
}
