import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

// The layout's rules, checked: pure files stay pure, files stay small.
const SRC = join(process.cwd(), 'src')
/** Folders whose files do I/O by design: entry points, the application layer, the engine's shell. */
const SHELL = ['cli', 'action', 'app', 'engine']
const IO_IMPORT = /^(node:|@actions\/|@aws-sdk\/|@octokit\/|commander$|async-mutex$|bottleneck$)|\/io\//
const MAX_LINES = 150

const files = (readdirSync(SRC, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => relative(SRC, join(e.parentPath, e.name)))
const isPure = (file: string): boolean => {
  const parts = file.split(sep)
  return parts.length > 1 && !SHELL.includes(parts[0] as string) && !parts.includes('io')
}
const importsOf = (file: string): string[] =>
  [...readFileSync(join(SRC, file), 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2]) as string)

describe('layout', () => {
  it('has pure files outside the shell folders and io/ folders', () => {
    expect(files.filter(isPure).length).toBeGreaterThan(30)
  })

  it.each(files.filter(isPure))('%s imports no I/O (node:, SDKs, io/ folders)', (file) => {
    expect(importsOf(file).filter((spec) => IO_IMPORT.test(spec))).toEqual([])
  })

  it('keeps every file under 150 lines, or says why in a "long file:" comment', () => {
    const long = files.filter((f) => {
      const text = readFileSync(join(SRC, f), 'utf8')
      return text.split('\n').length > MAX_LINES && !/\/\/ long file: \S/.test(text)
    })
    expect(long).toEqual([])
  })
})
