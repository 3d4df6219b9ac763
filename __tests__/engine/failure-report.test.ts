import { join } from 'node:path'
import { totalsOf } from '../../src/model/run-totals.js'
import { git, initRepo } from '../helpers/git-repo.js'
import { tempDir } from '../helpers/temp-dir.js'
import { BASE, PARTIAL_APPLY } from '../recovery/failing-module.js'
import { deployment, realSettings, runReal } from '../recovery/real-deployment.js'

describe('on_failure: report (real OpenTofu)', () => {
  it('names what the failed apply really created, counts it in the totals and gives the undo commands', async () => {
    const tmp = tempDir({ 'main.tf': BASE })
    const state = join(tmp.dir, 'state')
    const d = deployment('web', '.')
    try {
      initRepo(tmp.dir)
      const [first] = await runReal([d], realSettings(tmp.dir), state)
      expect(first).toMatchObject({ status: 'succeeded', applied: true })
      tmp.write('main.tf', PARTIAL_APPLY)
      git(tmp.dir, 'commit', '-qam', 'add a, b, boom, c')

      const [r] = await runReal([d], realSettings(tmp.dir, { previousRef: 'HEAD~1' }), state)
      expect(r).toMatchObject({ status: 'failed', error: expect.stringMatching(/^apply failed/) })
      // Planned: a, b, boom and c; really created: a, b and boom (tainted); c never.
      expect(r?.counts?.create).toBe(4)
      expect(r?.applyChanges).toMatchObject({ added: ['terraform_data.a', 'terraform_data.b', 'terraform_data.boom'], removed: [], changed: [], afterFrom: 'store' })
      expect(r?.applyChanges?.serialAfter).toBeGreaterThan(r?.applyChanges?.serialBefore as number)
      expect(totalsOf([r!], 'apply')).toMatchObject({ failed: 1, created: 3 })
      expect(r?.recovery).toMatchObject({ mode: 'report', outcome: 'reported' })
      expect(r?.recovery?.message).toMatch(/^nothing rolled back; the failed apply changed serial \d+ -> \d+; \+3 ~0 -0; created: terraform_data.a/)
      expect(r?.recovery?.message).toContain('restoring the backup would orphan terraform_data.a, terraform_data.b, terraform_data.boom')
      const commands = r?.recovery?.commands ?? []
      expect(commands[0]).toMatch(/^git -C \S+ worktree add --detach \S+previous-revision 'HEAD~1'$/)
      expect(commands[2]).toMatch(/TF_DATA_DIR=\S+ tofu apply$/)
      // No copy-back command: it would orphan what the apply created.
      expect(commands.some((c) => c.includes('state push -force'))).toBe(false)
      expect(r?.erroredState).toBeUndefined()
    } finally {
      tmp.cleanup()
    }
  })
})
