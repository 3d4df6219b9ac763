import { mkdir } from 'node:fs/promises'

/** Creates a folder (and its parents) unless this run made it already. */
export type RunFolders = (path: string) => Promise<unknown>

/** Creates a folder and its parents; nothing when it exists. */
export const makeFolder: RunFolders = (path) => mkdir(path, { recursive: true })

/**
 * One run's folder creation, for the folders every deployment of the run
 * shares (its log folder): made once instead of once per deployment. The run
 * owns them; nothing removes them while it runs.
 */
export function runFolders(): RunFolders {
  const made = new Map<string, Promise<unknown>>()
  return (path) => {
    let done = made.get(path)
    if (!done) {
      done = makeFolder(path)
      made.set(path, done)
      // A failed creation is not remembered: the next deployment tries again.
      done.catch(() => made.delete(path))
    }
    return done
  }
}
