import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { addressesOf, snapshotOf } from '../../src/recovery/state-snapshot.js'
import { tempDir } from '../helpers/temp-dir.js'
import { deployment, realSettings, runReal } from '../recovery/real-deployment.js'

// One shared root module, two deployments (tfvars). Each creates 20 items; then both wait
// for each other and fill the small tmpfs holding the state, so that neither can save its state.
const MODULE = `terraform {
  backend "local" {}
}
variable "name" {
  type = string
}
variable "fill" {
  type = string
}
variable "sync" {
  type = string
}
resource "terraform_data" "item" {
  count = 20
  input = "\${var.name}-\${count.index}"
}
resource "terraform_data" "fill" {
  depends_on = [terraform_data.item]
  provisioner "local-exec" {
    command     = "touch \${var.sync}/\${var.name}; for i in $(seq 1 600); do [ $(ls \${var.sync} | wc -l) -ge 2 ] && break; sleep 0.1; done; dd if=/dev/zero of=\${var.fill}-\${var.name} bs=4k 2>/dev/null; true"
    interpreter = ["/bin/sh", "-c"]
  }
}
`

describe('state OpenTofu could not save (real OpenTofu, a full tmpfs)', () => {
  const tmp = tempDir({ 'main.tf': MODULE })
  const mnt = join(tmp.dir, 'mnt')
  const sync = join(tmp.dir, 'sync')
  beforeAll(() => {
    mkdirSync(mnt)
    mkdirSync(sync)
    // Needs root (the test sandbox and CI containers run as root).
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt])
    for (const name of ['one', 'two']) tmp.write(`deployments/${name}.tfvars`, `name = "${name}"\nfill = "${mnt}/fill"\nsync = "${sync}"\n`)
  })
  afterAll(() => {
    execFileSync('umount', [mnt])
    tmp.cleanup()
  })

  it('keeps each parallel deployment’s errored state apart, names it with the push command, and pushes it once the store is writable', async () => {
    const ds = ['one', 'two'].map((name) => deployment(name, '.', `deployments/${name}.tfvars`))
    const first = await runReal(ds, realSettings(tmp.dir), mnt)
    const files = new Set<string>()
    for (const [i, r] of first.entries()) {
      const name = ds[i]?.project as string
      expect(r.status).toBe('failed')
      expect(readFileSync(r.logFile as string, 'utf8')).toContain('Failed to save state')
      // Kept in the deployment's own data dir, not pushed while the disk is full.
      expect(r.erroredState).toMatchObject({ pushed: false, reason: expect.stringMatching(/state push failed|cannot be read/) })
      const file = r.erroredState?.file as string
      expect(dirname(file)).toBe(join(tmp.dir, '.tf-orchestrator/work/app/acct/east', name))
      expect(r.erroredState?.command).toBe(`cd ${tmp.dir} && TF_DATA_DIR=${dirname(file)} tofu state push ${file}`)
      files.add(file)
      // Its own 20 items (and the filler): nothing of the other deployment's, nothing lost.
      const saved = snapshotOf(readFileSync(file, 'utf8'), file)
      expect(addressesOf(saved)).toHaveLength(21)
      expect(Object.values(saved.resources).filter((v) => v.includes(`"${name}-`))).toHaveLength(20)
      expect(r.applyChanges).toMatchObject({ afterFrom: 'errored-state' })
      expect(r.applyChanges?.added).toHaveLength(21)
    }
    expect(files.size).toBe(2)

    // The store is writable again: the next run pushes each errored state first, then has nothing to do.
    for (const name of ['one', 'two']) rmSync(`${mnt}/fill-${name}`, { force: true })
    const second = await runReal(ds, realSettings(tmp.dir), mnt)
    for (const [i, r] of second.entries()) {
      const name = ds[i]?.project as string
      expect(r.error).toBeUndefined()
      expect(r).toMatchObject({ status: 'succeeded', hasChanges: false, erroredState: { pushed: true } })
      const state = snapshotOf(readFileSync(join(mnt, `app/acct/east/${name}/terraform.tfstate`), 'utf8'), name)
      expect(addressesOf(state)).toHaveLength(21)
      expect(Object.values(state.resources).filter((v) => v.includes(`"${name}-`))).toHaveLength(20)
    }
  })
})
