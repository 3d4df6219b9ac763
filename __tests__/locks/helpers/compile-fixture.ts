import { execFileSync } from 'node:child_process'
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from '../../helpers/temp-dir.js'

/**
 * Compiles a TypeScript fixture and the sources it imports (tsc, current code:
 * dist/ may be stale) into a temporary folder that runs with plain `node`.
 * Returns the path of the fixture's .js and the folder to remove.
 */
export function compileFixture(fixture: string): { script: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tforch-fixture-'))
  const args = ['--outDir', dir, '--rootDir', repoRoot, '--noEmit', 'false', '--target', 'ES2022', '--module', 'NodeNext']
  args.push('--moduleResolution', 'NodeNext', '--skipLibCheck', '--esModuleInterop', '--resolveJsonModule', '--types', 'node', join(repoRoot, fixture))
  try {
    execFileSync(join(repoRoot, 'node_modules', '.bin', 'tsc'), args, { stdio: 'pipe' })
  } catch {
    // Type errors elsewhere in the tree (others' work in progress) do not stop the emit.
  }
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n')
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'))
  return { script: join(dir, fixture.replace(/\.ts$/, '.js')), dir }
}
