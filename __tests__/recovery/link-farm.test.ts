import { cpSync, existsSync, lstatSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { linkFarm } from '../../src/recovery/io/link-farm.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'
import { deployment, realSettings, runReal } from './real-deployment.js'

describe("a deployment's own working directory (link farm)", () => {
  it('mirrors the oci-region stacks so ../../modules and ../.tf-orchestrator paths resolve, and is rebuilt without stale links', async () => {
    const tmp = tempDir()
    try {
      cpSync(join(repoRoot, 'examples/oci-region'), tmp.dir, { recursive: true, filter: (src) => !/[\\/]\.tf-orchestrator$/.test(src) })
      const toronto = join(tmp.dir, 'toronto')
      const dataDir = join(toronto, '.tf-orchestrator/work/compute')
      tmp.write('toronto/.tf-orchestrator/work/compute/modules/modules.json', JSON.stringify({ Modules: [{ Key: 'app', Source: '../../modules/compute', Dir: '../../modules/compute' }] }))
      const cwd = await linkFarm(join(toronto, 'compute'), toronto, dataDir, join(dataDir, 'cwd'))
      expect(cwd).toBe(join(dataDir, 'cwd/toronto/compute'))
      // Real folders along the path: `..` stays inside the farm.
      expect(lstatSync(cwd).isDirectory() && lstatSync(join(cwd, '..')).isDirectory()).toBe(true)
      expect(readFileSync(join(cwd, '../../modules/compute/main.tf'), 'utf8')).toContain('../shape-catalog')
      expect(realpathSync(join(cwd, '../.tf-orchestrator'))).toBe(realpathSync(join(toronto, '.tf-orchestrator')))
      expect(lstatSync(join(cwd, 'main.tf')).isSymbolicLink()).toBe(true)
      // A rebuild drops links to deleted files and keeps what OpenTofu wrote there.
      writeFileSync(join(cwd, 'errored.tfstate'), '{}')
      expect(lstatSync(join(cwd, 'outputs.tf')).isSymbolicLink()).toBe(true)
      rmSync(join(toronto, 'compute/outputs.tf'))
      tmp.write('toronto/compute/extra.tf', '')
      await linkFarm(join(toronto, 'compute'), toronto, dataDir, join(dataDir, 'cwd'))
      expect(lstatSync(join(cwd, 'extra.tf')).isSymbolicLink()).toBe(true)
      expect(lstatSync(join(cwd, 'outputs.tf'), { throwIfNoEntry: false })).toBeUndefined()
      expect(readFileSync(join(cwd, 'errored.tfstate'), 'utf8')).toBe('{}')
    } finally {
      tmp.cleanup()
    }
  })

  it('keeps the links of an earlier farm that still point right, replaces those that do not, and starts a new farm without looking at it', async () => {
    const tmp = tempDir()
    try {
      tmp.write('root/main.tf', '')
      tmp.write('root/vars.tf', '')
      tmp.write('moved/main.tf', '')
      tmp.write('moved/vars.tf', '')
      const dataDir = join(tmp.dir, 'data')
      const cwd = await linkFarm(join(tmp.dir, 'root'), join(tmp.dir, 'root'), dataDir, join(dataDir, 'cwd'))
      const inode = (name: string): number => lstatSync(join(cwd, name)).ino
      const before = { main: inode('main.tf'), vars: inode('vars.tf') }
      // Unchanged: the same links stay (not removed and made again).
      await linkFarm(join(tmp.dir, 'root'), join(tmp.dir, 'root'), dataDir, join(dataDir, 'cwd'))
      expect({ main: inode('main.tf'), vars: inode('vars.tf') }).toEqual(before)
      // The root module moved: every link points at the new place.
      await linkFarm(join(tmp.dir, 'moved'), join(tmp.dir, 'moved'), dataDir, join(dataDir, 'cwd'))
      expect(readlinkSync(join(cwd, 'main.tf'))).toBe(join(tmp.dir, 'moved/main.tf'))
      expect(readlinkSync(join(cwd, 'vars.tf'))).toBe(join(tmp.dir, 'moved/vars.tf'))
    } finally {
      tmp.cleanup()
    }
  })

  it('applies examples/oci-region (network, then compute reading its state) and examples/aws-fleet (./modules/naming) from their farms', async () => {
    const tmp = tempDir()
    try {
      cpSync(join(repoRoot, 'examples'), tmp.dir, { recursive: true, filter: (src) => !/[\\/]\.tf-orchestrator$/.test(src) })
      const toronto = join(tmp.dir, 'oci-region/toronto')
      const stacks = realSettings(toronto)
      const stack = (name: string) => ({ ...deployment(name, name), stateKey: `${name}/default/toronto/default/terraform.tfstate` })
      const [network] = await runReal([stack('network')], stacks, join(toronto, '.tf-orchestrator/state'))
      expect(network).toMatchObject({ status: 'succeeded', applied: true })
      const [compute] = await runReal([stack('compute')], stacks, join(toronto, '.tf-orchestrator/state'))
      expect(compute).toMatchObject({ status: 'succeeded', applied: true })
      const fleet = join(tmp.dir, 'aws-fleet')
      const varFile = 'deployments/acme-dev/eu-west-1/IAM/app-roles/app-roles.tfvars'
      const [roles] = await runReal([deployment('app-roles', '.', varFile)], realSettings(fleet), join(fleet, '.tf-orchestrator/state'))
      expect(roles).toMatchObject({ status: 'succeeded', applied: true })
      expect(existsSync(join(fleet, '.tf-orchestrator/work/app/acct/east/app-roles/cwd/modules/naming'))).toBe(true)
    } finally {
      tmp.cleanup()
    }
  })
})
