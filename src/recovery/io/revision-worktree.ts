import { execFile } from 'node:child_process'
import { realpath, rm } from 'node:fs/promises'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** git in `dir` (argument array, no shell); stdout trimmed. Throws with git's message. */
async function git(dir: string, args: string[]): Promise<string> {
  try {
    return (await run('git', args, { cwd: dir, encoding: 'utf8' })).stdout.trim()
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim()
    throw new Error(`git ${args.join(' ')}: ${stderr || (error as Error).message}`)
  }
}

/** The top folder of the repository holding `dir` (real path). */
export async function gitTopLevel(dir: string): Promise<string> {
  return realpath(await git(dir, ['rev-parse', '--show-toplevel']))
}

/**
 * Checks out `ref` into `path` as a detached worktree of the repository at
 * `top` (any old one there is removed first). Worktrees of one repository are
 * added one at a time by git's own lock; a busy lock is tried again.
 */
export async function addWorktree(top: string, ref: string, path: string): Promise<void> {
  await removeWorktree(top, path)
  const commit = await git(top, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])
  for (let attempt = 1; ; attempt++) {
    try {
      await git(top, ['worktree', 'add', '--detach', path, commit])
      return
    } catch (error) {
      if (attempt >= 5 || !/lock/i.test((error as Error).message)) throw error
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt))
    }
  }
}

/** Removes a worktree and its folder; never throws. */
export async function removeWorktree(top: string, path: string): Promise<void> {
  await git(top, ['worktree', 'remove', '--force', path]).catch(() => undefined)
  await rm(path, { recursive: true, force: true })
  await git(top, ['worktree', 'prune']).catch(() => undefined)
}
