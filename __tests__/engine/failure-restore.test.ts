import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { addressesOf, snapshotOf } from '../../src/recovery/state-snapshot.js'
import { tempDir } from '../helpers/temp-dir.js'
import { BASE, PARTIAL_APPLY } from '../recovery/failing-module.js'
import { deployment, realSettings, runReal } from '../recovery/real-deployment.js'

/** The deployment's state as the backend has it. */
const stateOf = (dir: string, name: string): ReturnType<typeof snapshotOf> =>
  snapshotOf(execFileSync('tofu', ['state', 'pull'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_DATA_DIR: join(dir, `.tf-orchestrator/work/app/acct/east/${name}`) }, encoding: 'utf8' }), 'state')

/** x is updated in place and boom, already in the state, is replaced and fails: nothing new is created. */
const replaceFails = (value: string): string => `terraform {
  backend "local" {}
}
resource "terraform_data" "x" {
  input = "${value}"
}
resource "terraform_data" "boom" {
  depends_on       = [terraform_data.x]
  triggers_replace = "${value}"
  provisioner "local-exec" {
    command = "test ${value} != two"
  }
}
`

describe('on_failure: restore-state (real OpenTofu)', () => {
  it('refuses to copy the backup back when that would orphan what the apply created, and lists them', async () => {
    const tmp = tempDir({ 'main.tf': BASE })
    const state = join(tmp.dir, 'state')
    const settings = realSettings(tmp.dir, { onFailure: 'restore-state' })
    try {
      await runReal([deployment('web', '.')], settings, state)
      tmp.write('main.tf', PARTIAL_APPLY)
      const [r] = await runReal([deployment('web', '.')], settings, state)
      expect(r?.status).toBe('failed')
      expect(r?.backup).toMatchObject({ status: 'backed-up' })
      expect(r?.recovery).toMatchObject({
        mode: 'restore-state',
        outcome: 'refused',
        orphans: ['terraform_data.a', 'terraform_data.b', 'terraform_data.boom'],
        message: expect.stringMatching(/would orphan 3 resource\(s\) that now exist: terraform_data.a, terraform_data.b, terraform_data.boom/)
      })
      // Nothing was copied back: the state still records them.
      expect(addressesOf(stateOf(tmp.dir, 'web'))).toEqual(['terraform_data.a', 'terraform_data.b', 'terraform_data.boom', 'terraform_data.keep'])
    } finally {
      tmp.cleanup()
    }
  })

  it('copies the backup back when nothing would be orphaned', async () => {
    const tmp = tempDir({ 'main.tf': replaceFails('one') })
    const state = join(tmp.dir, 'state')
    const settings = realSettings(tmp.dir, { onFailure: 'restore-state' })
    try {
      const [first] = await runReal([deployment('web', '.')], settings, state)
      expect(first?.status).toBe('succeeded')
      const before = stateOf(tmp.dir, 'web')
      tmp.write('main.tf', replaceFails('two'))
      const [r] = await runReal([deployment('web', '.')], settings, state)
      expect(r?.status).toBe('failed')
      expect(r?.applyChanges).toMatchObject({ added: [], removed: [], changed: ['terraform_data.boom', 'terraform_data.x'] })
      expect(r?.recovery).toMatchObject({ mode: 'restore-state', outcome: 'restored', message: expect.stringContaining('nothing is orphaned') })
      // The state records again exactly what the backup held.
      expect(stateOf(tmp.dir, 'web').resources).toEqual(before.resources)
    } finally {
      tmp.cleanup()
    }
  })
})
