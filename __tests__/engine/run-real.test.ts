import { spawn } from 'node:child_process'
import { cpSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { runCli } from '../../src/cli/main.js'
import { lastSummary, processesMatching, stackModule } from '../helpers/stacks.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

const quiet = { out: () => undefined, err: () => undefined }

describe('running deployments with the real binary', () => {
  it('skips only the dependents of a failed deployment and exits non-zero', async () => {
    const tmp = tempDir({
      'east/kms/main.tf': stackModule({ command: 'echo kms is broken >&2; exit 1' }),
      'east/s3/main.tf': stackModule(), // s3 needs kms: skipped
      'east/iam/main.tf': stackModule({ resources: 2 }) // independent: applied
    })
    try {
      const code = await runCli(['apply', '--all', '-w', tmp.dir], quiet)
      expect(code).toBe(1)
      const summary = lastSummary(tmp.dir)
      const byId = new Map(summary.deployments.map((d) => [d.id, d]))
      expect(byId.get('kms/default/east/default')).toMatchObject({ status: 'failed', error: expect.stringMatching(/^apply failed \(exit 1\)/) })
      expect(byId.get('s3/default/east/default')).toMatchObject({ status: 'skipped', skippedBecause: 'kms/default/east/default' })
      expect(byId.get('iam/default/east/default')).toMatchObject({ status: 'succeeded', applied: true, counts: { create: 2, update: 0, delete: 0, replace: 0 } })
      // Totals count what really changed: the failed kms apply created item[0] and a tainted step before failing.
      expect(summary.totals).toMatchObject({ deployments: 3, succeeded: 1, failed: 1, skipped: 1, created: 4 })
      expect(summary.executionLevels).toEqual([['iam/default/east/default', 'kms/default/east/default'], ['s3/default/east/default']])
      const iam = byId.get('iam/default/east/default')
      expect(iam?.phases.init?.durationMs).toBeGreaterThan(0)
      expect(iam?.phases.apply?.attempts).toBe(1)
      expect(iam?.stateBytes).toBeGreaterThan(100)
      expect(iam?.workerId).toBeGreaterThanOrEqual(1)
      expect(summary.binary).toMatchObject({ name: 'opentofu', version: expect.stringMatching(/^1\.11\./) })
      expect(readFileSync(byId.get('kms/default/east/default')?.logFile as string, 'utf8')).toContain('kms is broken')
    } finally {
      tmp.cleanup()
    }
  })

  it('ends the whole process tree of a timed-out deployment', async () => {
    const tmp = tempDir({ 'east/app/main.tf': stackModule({ command: 'sleep 287' }) })
    try {
      const code = await runCli(['apply', '--all', '-w', tmp.dir, '--timeout-minutes', '0.05', '--grace-seconds', '1'], quiet)
      expect(code).toBe(1)
      const [app] = lastSummary(tmp.dir).deployments
      expect(app).toMatchObject({ status: 'timed-out', error: 'timed out after 3s' })
      expect(processesMatching('sleep 287')).toEqual([])
    } finally {
      tmp.cleanup()
    }
  })

  it('on SIGTERM interrupts the child with SIGINT, keeps the state usable and releases the lock', async () => {
    const tmp = tempDir()
    const marker = join(tmp.dir, 'apply-started')
    tmp.write('east/app/main.tf', stackModule({ command: `touch ${marker}; sleep 283` }))
    try {
      const child = spawn(process.execPath, [join(repoRoot, 'dist/cli.js'), 'apply', '--all', '-w', tmp.dir, '--grace-seconds', '15'], {
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let output = ''
      child.stdout.on('data', (d) => (output += d))
      child.stderr.on('data', (d) => (output += d))
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      for (let i = 0; i < 600 && !existsSync(marker); i++) await sleep(100)
      expect(existsSync(marker)).toBe(true)
      child.kill('SIGTERM')
      expect(await exited).toBe(130)
      expect(output).toContain('SIGTERM: stopping')
      const [app] = lastSummary(tmp.dir).deployments
      expect(app?.status).toBe('cancelled')
      // OpenTofu prints this when it receives SIGINT and stops cleanly.
      expect(readFileSync(app?.logFile as string, 'utf8')).toMatch(/Interrupt received|Stopping operation/)
      expect(processesMatching('sleep 283')).toEqual([])
      const state = join(tmp.dir, '.tf-orchestrator/state/app/default/east/default/terraform.tfstate')
      expect(existsSync(`${join(tmp.dir, '.tf-orchestrator/state/app/default/east/default')}/.terraform.tfstate.lock.info`)).toBe(false)
      expect(JSON.parse(readFileSync(state, 'utf8')).version).toBe(4)
      // The state is intact and unlocked: a following plan succeeds.
      expect(await runCli(['plan', '--all', '-w', tmp.dir], quiet)).toBe(0)
      expect(lastSummary(tmp.dir).deployments[0]?.status).toBe('succeeded')
    } finally {
      tmp.cleanup()
    }
  })

  it('applies both shipped examples, and a second run has no changes', async () => {
    for (const example of ['examples/aws-fleet', 'examples/oci-region']) {
      const tmp = tempDir()
      try {
        cpSync(join(repoRoot, example), tmp.dir, { recursive: true, filter: (src) => !/[\\/]\.tf-orchestrator$/.test(src) })
        const dir = example.endsWith('oci-region') ? join(tmp.dir, 'toronto') : tmp.dir
        expect(await runCli(['apply', '--all', '-w', dir], quiet)).toBe(0)
        const first = lastSummary(dir)
        expect(first.totals.failed).toBe(0)
        expect(first.totals.created).toBeGreaterThan(0)
        expect(first.deployments.every((d) => d.applied)).toBe(true)
        expect(await runCli(['apply', '--all', '-w', dir], quiet)).toBe(0)
        const second = lastSummary(dir)
        expect(second.runId).not.toBe(first.runId)
        expect(second.deployments.every((d) => d.status === 'succeeded' && d.hasChanges === false && !d.applied)).toBe(true)
        expect(second.totals).toMatchObject({ created: 0, changed: 0, destroyed: 0 })
      } finally {
        tmp.cleanup()
      }
    }
  })
})
