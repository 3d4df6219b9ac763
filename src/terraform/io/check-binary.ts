import { execFile } from 'node:child_process'
import { access, constants } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { which } from '@actions/io'

/** The binary a run uses: where it is and what it says it is. */
export interface ResolvedBinary {
  path: string
  name: 'opentofu' | 'terraform'
  version: string
}

/** The binary is missing, cannot be run or is not OpenTofu / Terraform; the message names the file. */
export class BinaryError extends Error {
  override name = 'BinaryError'
}

const EXPECTED = 'expected OpenTofu or Terraform (`version -json` printing {"terraform_version": ...}, or `version` printing "OpenTofu vX.Y.Z")'
const INSTALL = 'Install OpenTofu or Terraform, put it on PATH or set `binary` (scripts/install-tools.sh builds a pinned OpenTofu into .tools/bin)'

/**
 * Resolves `nameOrPath` (a name on PATH or a path) once and checks that it is
 * OpenTofu or Terraform by asking its version; every command then starts that file.
 */
export async function resolveBinary(nameOrPath: string, env: Record<string, string | undefined> = process.env): Promise<ResolvedBinary> {
  const isPath = /[\\/]/.test(nameOrPath)
  const path = isPath ? resolve(nameOrPath) : await which(nameOrPath, false)
  if (!path) throw new BinaryError(`${nameOrPath}: not found on PATH. ${INSTALL}`)
  if (isPath) {
    try {
      await access(path, constants.X_OK)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      throw new BinaryError(`${path}: ${code === 'ENOENT' ? 'no such file' : 'not executable'}; ${EXPECTED}`)
    }
  }
  const json = await run(path, ['version', '-json'], env)
  const fromJson = json.ok ? jsonVersion(json.stdout) : undefined
  // Terraform before 0.13 has no -json; and the name is only in the text form.
  const text = fromJson && /tofu/i.test(basename(path)) ? undefined : await run(path, ['version'], env)
  const fromText = text?.ok ? /^(OpenTofu|Terraform) v(\d+\.\d+\.\d+\S*)/m.exec(text.stdout) : null
  const version = fromJson ?? fromText?.[2]
  if (!version) {
    const said = (text?.stdout || text?.stderr || json.stdout || json.stderr || '').trim().split('\n')[0]?.slice(0, 120) ?? ''
    throw new BinaryError(`${path}: ${EXPECTED}, but it ${said ? `printed ${JSON.stringify(said)}` : 'printed nothing'}`)
  }
  const name = fromText ? (fromText[1] === 'OpenTofu' ? 'opentofu' : 'terraform') : /tofu/i.test(basename(path)) ? 'opentofu' : 'terraform'
  return { path, name, version }
}

/** The version a `version -json` document reports, if it is one. */
function jsonVersion(stdout: string): string | undefined {
  try {
    const doc = JSON.parse(stdout) as unknown
    const v = doc !== null && typeof doc === 'object' ? (doc as { terraform_version?: unknown }).terraform_version : undefined
    return typeof v === 'string' && /^\d+\.\d+\.\d+/.test(v) ? v : undefined
  } catch {
    return undefined
  }
}

interface Ran {
  ok: boolean
  stdout: string
  stderr: string
}

/** Runs the candidate with no input and a time limit (a wrong program must not hang the run). */
function run(path: string, args: string[], env: Record<string, string | undefined>): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = execFile(
      path,
      args,
      { env: { ...env, CHECKPOINT_DISABLE: '1' }, timeout: 30_000, maxBuffer: 1 << 20, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = (error as NodeJS.ErrnoException | null)?.code
        if (code === 'EACCES' || code === 'ENOEXEC' || code === 'ENOENT') {
          fail(new BinaryError(`${path}: cannot be run (${code}); ${EXPECTED}`))
        } else done({ ok: !error, stdout, stderr })
      }
    )
    child.stdin?.end()
  })
}
