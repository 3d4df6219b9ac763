import { spawn, type ChildProcess } from 'node:child_process'
import { PYTHON_SPAWNER_SCRIPT } from './spawner-script-python.js'
import { SPAWNER_SCRIPT } from './spawner-script.js'

/**
 * Which spawner a run uses: unset for the first that runs here (Python, then
 * Perl), `python` or `perl` for only that one, `direct` to spawn every command
 * from the Node process (for example to compare them).
 */
export const SPAWNER_VARIABLE = 'TF_ORCHESTRATOR_SPAWNER'

/** The spawners in order of preference: how each is started. */
export const SPAWNER_COMMANDS: Record<'python' | 'perl', readonly [string, ...string[]]> = {
  // -I: no PYTHON* variables or user site; -S: no site module (a faster start; the script needs only the standard library).
  python: ['python3', '-I', '-S', '-c', PYTHON_SPAWNER_SCRIPT],
  perl: ['perl', '-e', SPAWNER_SCRIPT]
}

/**
 * The first spawner process that runs here and says it is ready (R), in order
 * of preference or the one TF_ORCHESTRATOR_SPAWNER names; undefined when none
 * does (missing, too old, or `direct`), and the run spawns directly instead.
 */
export async function startSpawnerProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess | undefined> {
  const chosen = env[SPAWNER_VARIABLE]
  if (chosen === 'direct') return undefined
  for (const [name, [program, ...args]] of Object.entries(SPAWNER_COMMANDS)) {
    if (chosen && chosen !== name) continue
    const helper = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], env })
    const ready = await new Promise<boolean>((resolve) => {
      helper.once('error', () => resolve(false))
      helper.once('exit', () => resolve(false))
      helper.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().startsWith('R\n')))
    })
    if (ready && helper.pid !== undefined) return helper
    helper.kill('SIGKILL')
  }
  return undefined
}
