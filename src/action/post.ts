import * as cache from '@actions/cache'
import * as core from '@actions/core'
import { readdir } from 'node:fs/promises'
import { StateName } from './state-names.js'

/** One job of the post step; it reads what the main step left with core.getState. */
export interface PostTask {
  name: string
  run: (log: (line: string) => void) => Promise<void>
}

/**
 * Saves the provider plugin cache under the key the main step computed before
 * the first init (so the next run with the same lock files restores it exactly).
 * Nothing to do when the main step restored that very key, never restored
 * (plugin-cache false, no cache service, failed before the restore), or the folder is empty.
 */
export const savePluginCache: PostTask = {
  name: 'plugin cache',
  run: async (log) => {
    const key = core.getState(StateName.PluginCacheKey)
    const dir = core.getState(StateName.PluginCacheDir)
    if (!key || !dir) return log('plugin cache: the main step did not restore it; nothing to save')
    if (core.getState(StateName.PluginCacheMatchedKey) === key) return log(`plugin cache: restored from ${key} itself; not saved again`)
    const entries = await readdir(dir).catch(() => [])
    if (entries.length === 0) return log(`plugin cache: ${dir} is empty; nothing to save`)
    // saveCache reports its own errors (another job saving the same key is not one) and answers -1.
    const id = await cache.saveCache([dir], key)
    if (id !== -1) log(`plugin cache saved as ${key}`)
  }
}

/**
 * The post step's tasks, in order. Releasing the run locks a cancelled or
 * crashed main step left behind belongs here: a task that reads the locks the
 * main step recorded (a new StateName) and releases them.
 */
export const POST_TASKS: readonly PostTask[] = [savePluginCache]

/**
 * The post step (action.yml `post:` with `post-if: always()`, so it runs when
 * the main step failed too). A failing task is a warning: housekeeping never
 * turns a job red, and the other tasks still run.
 */
export async function runPost(tasks: readonly PostTask[] = POST_TASKS, log: (line: string) => void = core.info): Promise<void> {
  for (const task of tasks) {
    try {
      await task.run(log)
    } catch (error) {
      core.warning(`${task.name}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}
