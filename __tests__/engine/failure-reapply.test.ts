import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { PolicyGate } from '../../src/engine/policy-hook.js'
import { decideVerdict } from '../../src/policy/verdict.js'
import { addressesOf, snapshotOf } from '../../src/recovery/state-snapshot.js'
import { summarizePlan } from '../../src/terraform/plan-summary.js'
import { git, initRepo } from '../helpers/git-repo.js'
import { tempDir } from '../helpers/temp-dir.js'
import { deployment, realSettings, runReal } from '../recovery/real-deployment.js'

/** `n` items that touch a marker file when created and remove it when destroyed, then `boom`, which fails. */
const fleet = (markers: string, n: number): string => `terraform {
  backend "local" {}
}
locals {
  n = ${n}
}
resource "terraform_data" "keep" {
  input = "keep"
}
resource "terraform_data" "item" {
  count = local.n
  input = "${markers}/item-\${count.index}"
  provisioner "local-exec" {
    command = "touch \${self.input}"
  }
  provisioner "local-exec" {
    when    = destroy
    command = "rm -f \${self.input}"
  }
}
resource "terraform_data" "boom" {
  count      = local.n > 0 ? 1 : 0
  depends_on = [terraform_data.item]
  provisioner "local-exec" {
    command = "exit 1"
  }
}
`

const stateOf = (dir: string): string[] =>
  addressesOf(
    snapshotOf(
      execFileSync('tofu', ['state', 'pull'], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_DATA_DIR: join(dir, '.tf-orchestrator/work/app/acct/east/web') },
        encoding: 'utf8'
      }),
      'state'
    )
  )

describe('on_failure: reapply-previous (real OpenTofu, git)', () => {
  it('applies the base revision through the policy gate: infrastructure and state end as at the base', async () => {
    const tmp = tempDir()
    const markers = join(tmp.dir, 'markers')
    mkdirSync(markers)
    tmp.write('main.tf', fleet(markers, 0))
    tmp.write('.gitignore', '.tf-orchestrator/\nstate/\nmarkers/\n')
    const judged: unknown[] = []
    const gate: PolicyGate = async (d, json) => {
      judged.push(json)
      return { allowed: true, summary: 'policy passed', details: decideVerdict({ deploymentId: d.id, mode: 'enforce', deny: [], warn: [], waivers: [], today: '2026-01-01' }) }
    }
    const state = join(tmp.dir, 'state')
    try {
      initRepo(tmp.dir)
      const base = git(tmp.dir, 'rev-parse', 'HEAD').trim()
      await runReal([deployment('web', '.')], realSettings(tmp.dir), state, gate)
      tmp.write('main.tf', fleet(markers, 2))
      git(tmp.dir, 'commit', '-qam', 'two items')

      const [r] = await runReal([deployment('web', '.')], realSettings(tmp.dir, { onFailure: 'reapply-previous', previousRef: base }), state, gate)
      expect(r?.status).toBe('failed')
      // The failed apply created both items (their markers) and a tainted boom...
      expect(r?.applyChanges?.added).toEqual(['terraform_data.boom[0]', 'terraform_data.item[0]', 'terraform_data.item[1]'])
      // ...and re-applying the base revision destroyed them again, through the gate.
      expect(r?.recovery).toMatchObject({ mode: 'reapply-previous', outcome: 'reapplied', ref: base, counts: { create: 0, update: 0, delete: 3, replace: 0 } })
      expect(summarizePlan(judged[judged.length - 1])).toMatchObject({ delete: 3, create: 0 })
      expect(existsSync(join(markers, 'item-0')) || existsSync(join(markers, 'item-1'))).toBe(false)
      expect(stateOf(tmp.dir)).toEqual(['terraform_data.keep'])
      // The worktree is gone; the repository is as it was.
      expect(git(tmp.dir, 'worktree', 'list').trim().split('\n')).toHaveLength(1)
      expect(git(tmp.dir, 'status', '--porcelain')).toBe('')
    } finally {
      tmp.cleanup()
    }
  })

  it('refuses without a base revision, and leaves the partial change in place', async () => {
    const tmp = tempDir()
    const markers = join(tmp.dir, 'markers')
    mkdirSync(markers)
    tmp.write('main.tf', fleet(markers, 1))
    try {
      const [r] = await runReal([deployment('web', '.')], realSettings(tmp.dir, { onFailure: 'reapply-previous' }), join(tmp.dir, 'state'))
      expect(r?.recovery).toMatchObject({ mode: 'reapply-previous', outcome: 'refused', message: expect.stringMatching(/no base revision/) })
      expect(existsSync(join(markers, 'item-0'))).toBe(true)
    } finally {
      tmp.cleanup()
    }
  })
})
