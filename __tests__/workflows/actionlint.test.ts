import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'
import { SHIPPED, workflowPath } from './shipped.js'

const run = promisify(execFile)
const actionlint = join(repoRoot, '.tools', 'bin', 'actionlint')

interface Finding {
  message: string
  filepath: string
  line: number
  kind: string
}

/** actionlint's findings for `files` (shellcheck checks the run: scripts when it is installed). */
async function lint(files: string[], cwd = repoRoot): Promise<Finding[]> {
  const shellcheck = await run('sh', ['-c', 'command -v shellcheck']).then(
    () => [],
    () => ['-shellcheck=']
  )
  const result = await run(actionlint, ['-format', '{{json .}}', ...shellcheck, ...files], { cwd }).then(
    (out) => out,
    (error: { code?: number; stdout?: string; stderr?: string }) => {
      // Exit 1 means "found problems"; anything else is the linter failing.
      if (error.code !== 1) throw new Error(`actionlint failed (exit ${error.code}): ${error.stderr}`)
      return { stdout: error.stdout ?? '', stderr: error.stderr ?? '' }
    }
  )
  return JSON.parse(result.stdout.trim() || '[]') as Finding[]
}

describe('the shipped workflows under actionlint', () => {
  beforeAll(() => {
    if (!existsSync(actionlint)) throw new Error(`${actionlint} is missing: run scripts/install-actionlint.sh`)
  })

  it('finds nothing in the five workflows users copy', async () => {
    const findings = await lint(SHIPPED.map(workflowPath))
    expect(findings.map((f) => `${f.filepath}:${f.line}: ${f.message} [${f.kind}]`)).toEqual([])
  })

  it('does report a broken workflow (the linter really runs)', async () => {
    const broken = tempDir({
      '.github/workflows/broken.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ inputs.nope }}"\n        shell: bash\n      - uses: actions/checkout@v5\n        with:\n          fetch-dpth: 0\n'
    })
    try {
      const findings = await lint(['.github/workflows/broken.yml'], broken.dir)
      expect(findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['expression', 'action']))
    } finally {
      broken.cleanup()
    }
  })
})
