import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A temporary directory filled with `files` (path -> contents); removed by `cleanup`. */
export function tempDir(files: Record<string, string> = {}): { dir: string; write: (path: string, text: string) => void; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tforch-test-'))
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  for (const [path, text] of Object.entries(files)) write(path, text)
  return { dir, write, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The repository root (tests run from it). */
export const repoRoot = process.cwd()
