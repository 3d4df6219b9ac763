import { existsSync, realpathSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { FileChange } from '../../model/deployment.js'

/** Raised when git cannot say what changed; the message says what to do. */
export class GitError extends Error {
  override name = 'GitError'
}

// Loaded when git first runs: a run over `--all` needs none of it.
const exec = (): Promise<typeof import('@actions/exec')> => import('@actions/exec')

async function git(cwd: string, args: string[]): Promise<string> {
  const result = await (await exec()).getExecOutput('git', args, { cwd, silent: true, ignoreReturnCode: true })
  if (result.exitCode !== 0) {
    throw new GitError(`git ${args.join(' ')} failed (exit ${result.exitCode}): ${result.stderr.trim() || result.stdout.trim()}`)
  }
  return result.stdout
}

/**
 * Files changed between `baseRef` and HEAD (`git diff <base>...HEAD`, renames
 * as delete + add), relative to `workingDir` in posix form.
 */
export async function changedFilesSince(workingDir: string, baseRef: string): Promise<FileChange[]> {
  if (baseRef.startsWith('-')) throw new GitError(`base ref ${JSON.stringify(baseRef)} must not start with "-"`)
  const top = (await git(workingDir, ['rev-parse', '--show-toplevel'])).trim()
  try {
    await git(workingDir, ['rev-parse', '--verify', '--quiet', `${baseRef}^{commit}`])
  } catch {
    throw new GitError(
      `base ref ${JSON.stringify(baseRef)} is not a commit in this clone; fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin ${baseRef})`
    )
  }
  const out = await git(workingDir, ['diff', '--name-status', '-z', '-M', `${baseRef}...HEAD`, '--'])
  return parseNameStatus(out).map((c) => ({ ...c, path: toWorkingRelative(join(top, c.path), workingDir) }))
}

/** Parses `git diff --name-status -z` output (status and path fields separated by NUL). */
export function parseNameStatus(output: string): FileChange[] {
  const fields = output.split('\0').filter((f) => f.length > 0)
  const changes: FileChange[] = []
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++] as string
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[i++] as string
      const to = fields[i++] as string
      if (status.startsWith('R')) changes.push({ path: from, status: 'deleted' })
      changes.push({ path: to, status: 'added' })
    } else {
      const path = fields[i++] as string
      changes.push({ path, status: status === 'D' ? 'deleted' : status === 'A' ? 'added' : 'modified' })
    }
  }
  return changes
}

/** The old contents of a file at `ref`, or undefined when git has none. */
export async function fileAtRef(workingDir: string, ref: string, workingRelativePath: string): Promise<string | undefined> {
  const top = (await git(workingDir, ['rev-parse', '--show-toplevel'])).trim()
  const repoPath = relative(top, resolve(workingDir, workingRelativePath)).split(sep).join('/')
  const result = await (await exec()).getExecOutput('git', ['show', `${ref}:${repoPath}`], { cwd: workingDir, silent: true, ignoreReturnCode: true })
  return result.exitCode === 0 ? result.stdout : undefined
}

/**
 * An explicit list of changed files (comma or newline separated), relative to
 * the current directory; a listed file that no longer exists counts as deleted.
 */
export function explicitChanges(list: string, workingDir: string, cwd = process.cwd()): FileChange[] {
  return list
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => {
      const absolute = isAbsolute(p) ? p : resolve(cwd, p)
      return { path: toWorkingRelative(absolute, workingDir), status: existsSync(absolute) ? 'modified' : 'deleted' }
    })
}

function toWorkingRelative(absolute: string, workingDir: string): string {
  return relative(realDir(workingDir), realDir(absolute)).split(sep).join('/')
}

/** Resolves symlinks where the path exists, so git's real paths and ours compare. */
function realDir(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return resolve(path)
  }
}
