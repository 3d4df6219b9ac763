import { mkdir, stat } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import type { Config } from '../config/parse-config.js'
import type { RunSettings } from '../engine/run-settings.js'

/** The nearest existing entry at or above `path`, with whether it is a folder. */
async function nearestExisting(path: string): Promise<{ path: string; isDirectory: boolean }> {
  for (let p = path; ; p = dirname(p)) {
    try {
      return { path: p, isDirectory: (await stat(p)).isDirectory() }
    } catch {
      if (dirname(p) === p) return { path: p, isDirectory: true }
    }
  }
}

/**
 * Refuses to run when a folder the run writes (the local state, work and run
 * folders, the plugin cache) is in the way of a file: the tool never replaces
 * a file it did not create. Checked before anything is written, then the
 * folders every command needs are created.
 */
export async function assertWritableFolders(workingDir: string, settings: RunSettings, config: Config): Promise<void> {
  const folders: [string, string][] = [
    ['work folder', settings.workDir],
    ['run folder', settings.runDir],
    ['history file folder', dirname(settings.historyFile)],
    ['plugin cache (TF_PLUGIN_CACHE_DIR)', settings.pluginCacheDir]
  ]
  if (config.state.type === 'local') folders.push(['state.dir', join(workingDir, config.state.dir)])
  for (const [what, folder] of folders) {
    const found = await nearestExisting(folder)
    if (!found.isDirectory) {
      const shown = relative(workingDir, found.path) || found.path
      throw new Error(`${what} ${folder}: ${shown} exists and is not a folder; refusing to replace a file tf-orchestrator did not create (move it, or choose another path)`)
    }
  }
  await mkdir(settings.pluginCacheDir, { recursive: true })
}
