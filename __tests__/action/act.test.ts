import { actRepo, workflow } from '../helpers/act.js'
import { stackModule } from '../helpers/stacks.js'

/**
 * Runs the committed bundle (dist/index.js through action.yml) the way GitHub
 * does, with act in host mode. The workflow's first step stands in for
 * actions/checkout, which act's host mode cannot fetch offline.
 */
function runWorkflow(steps: string, files: Record<string, string> = {}): { code: number | null; output: string } {
  const repo = actRepo(workflow('push', steps), files)
  try {
    return repo.run('push')
  } finally {
    repo.cleanup()
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
