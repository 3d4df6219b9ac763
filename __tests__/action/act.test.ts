import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { git } from '../helpers/git-repo.js'
import { stackModule } from '../helpers/stacks.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

/**
 * Runs the committed bundle (dist/index.js through action.yml) the way GitHub
 * does, with act in host mode. The workflow's first step stands in for
 * actions/checkout, which act's host mode cannot fetch offline.
 */
function runWorkflow(steps: string, files: Record<string, string> = {}): { code: number | null; output: string } {
  const tmp = tempDir(files)
  for (const entry of ['action.yml', 'dist', 'package.json']) cpSync(join(repoRoot, entry), join(tmp.dir, entry), { recursive: true })
  cpSync(join(repoRoot, 'examples/oci-region'), join(tmp.dir, 'examples/oci-region'), {
    recursive: true,
    filter: (src) => !/[\\/]\.tf-orchestrator$/.test(src)
  })
  mkdirSync(join(tmp.dir, '.github/workflows'), { recursive: true })
  writeFileSync(
    join(tmp.dir, '.github/workflows/test.yml'),
    `name: test\non: push\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cp -a "$SOURCE_REPO/." .\n${steps}`
  )
  try {
    git(tmp.dir, 'init', '-q', '-b', 'main')
    git(tmp.dir, 'add', '-A')
    git(tmp.dir, 'commit', '-q', '-m', 'test')
    const result = spawnSync('act', ['push', '-P', 'ubuntu-latest=-self-hosted', '--env', `SOURCE_REPO=${tmp.dir}`], {
      cwd: tmp.dir,
      encoding: 'utf8',
      timeout: 240_000,
      env: process.env
    })
    return { code: result.status, output: `${result.stdout}${result.stderr}` }
  } finally {
    tmp.cleanup()
  }
}

describe('the action under act', () => {
  it('applies the OCI example with the bundled action and sets its outputs', () => {
    const { code, output } = runWorkflow(
      [
        '      - id: apply',
        '        uses: ./',
        '        with:',
        '          command: apply',
        '          all: "true"',
        '          working-directory: examples/oci-region/toronto',
        '      - run: test "${{ steps.apply.outputs.count }}" = 5 && test "${{ steps.apply.outputs.has-changes }}" = true',
        '      - run: node -e "const s=require(process.argv[1]); if (s.totals.succeeded !== 5 || s.totals.created !== 15) process.exit(1)" "${{ steps.apply.outputs.summary-file }}"',
        ''
      ].join('\n')
    )
    expect(output).toContain('5 deployments: 5 succeeded, 0 failed')
    expect(output).toContain('Job succeeded')
    expect(code).toBe(0)
  })

  it('fails the job when a deployment fails, after applying the independent ones', () => {
    const { code, output } = runWorkflow(
      ['      - uses: ./', '        with:', '          command: apply', '          all: "true"', '          working-directory: infra', ''].join('\n'),
      { 'infra/east/kms/main.tf': stackModule({ command: 'exit 3' }), 'infra/east/s3/main.tf': stackModule(), 'infra/east/iam/main.tf': stackModule() }
    )
    expect(output).toMatch(/1 failed, 0 blocked, 0 timed out, 1 skipped/)
    expect(output).toMatch(/iam\/default\/east\/default\s+applied/)
    expect(output).toContain('Job failed')
    expect(code).not.toBe(0)
  })
})
