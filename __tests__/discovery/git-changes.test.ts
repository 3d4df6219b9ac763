import { renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { changedFilesSince, explicitChanges, parseNameStatus } from '../../src/discovery/io/git-changes.js'
import { loadWorkspace } from '../../src/app/load-workspace.js'
import { git, initRepo } from '../helpers/git-repo.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('git change detection', () => {
  it('parses name-status output with renames', () => {
    expect(parseNameStatus('M\0a.tf\0R087\0old/p.tfvars\0new/p.tfvars\0D\0gone.tfvars\0A\0n.tf\0')).toEqual([
      { path: 'a.tf', status: 'modified' },
      { path: 'old/p.tfvars', status: 'deleted' },
      { path: 'new/p.tfvars', status: 'added' },
      { path: 'gone.tfvars', status: 'deleted' },
      { path: 'n.tf', status: 'added' }
    ])
  })

  it('reads changes since a base ref relative to the working directory, and reports deleted deployments with their state key', async () => {
    const tfvars = (account: string): string => `account_name = "${account}"\nregion = "r"\ns3_buckets = {}\n`
    const tmp = tempDir({
      'infra/main.tf': 'variable "region" {}\n',
      'infra/d/one/one.tfvars': tfvars('a'),
      'infra/d/two/two.tfvars': tfvars('b'),
      'infra/d/three/three.tfvars': tfvars('c'),
      'README.md': 'x\n'
    })
    try {
      initRepo(tmp.dir)
      git(tmp.dir, 'checkout', '-q', '-b', 'feature')
      tmp.write('infra/d/one/one.tfvars', tfvars('a') + 'kms_keys = {}\n')
      rmSync(join(tmp.dir, 'infra/d/two/two.tfvars'))
      renameSync(join(tmp.dir, 'infra/d/three'), join(tmp.dir, 'infra/d/four'))
      renameSync(join(tmp.dir, 'infra/d/four/three.tfvars'), join(tmp.dir, 'infra/d/four/four.tfvars'))
      git(tmp.dir, 'add', '-A')
      git(tmp.dir, 'commit', '-q', '-m', 'change')

      const changes = await changedFilesSince(join(tmp.dir, 'infra'), 'main')
      expect(changes).toEqual(
        expect.arrayContaining([
          { path: 'd/one/one.tfvars', status: 'modified' },
          { path: 'd/two/two.tfvars', status: 'deleted' },
          { path: 'd/four/four.tfvars', status: 'added' }
        ])
      )

      const ws = await loadWorkspace({ workingDir: join(tmp.dir, 'infra'), baseRef: 'main' })
      expect(ws.selection.selected.map((d) => d.id).sort()).toEqual(['combined/a/r/one', 's3/c/r/four'])
      expect(ws.selection.removed.map((r) => [r.file, r.stateKey])).toEqual([
        ['d/three/three.tfvars', 's3/c/r/three/terraform.tfstate'],
        ['d/two/two.tfvars', 's3/b/r/two/terraform.tfstate']
      ])
    } finally {
      tmp.cleanup()
    }
  })

  it('explains an unknown base ref', async () => {
    const tmp = tempDir({ 'a.tf': '' })
    try {
      initRepo(tmp.dir)
      await expect(changedFilesSince(tmp.dir, 'origin/nope')).rejects.toThrow(/"origin\/nope" is not a commit in this clone; fetch it first/)
      await expect(changedFilesSince(tmp.dir, '--output=x')).rejects.toThrow(/must not start with "-"/)
    } finally {
      tmp.cleanup()
    }
  })

  it('takes an explicit list, missing files counting as deleted', () => {
    const tmp = tempDir({ 'w/a.tf': '' })
    try {
      expect(explicitChanges('w/a.tf, w/gone.tfvars\n', join(tmp.dir, 'w'), tmp.dir)).toEqual([
        { path: 'a.tf', status: 'modified' },
        { path: 'gone.tfvars', status: 'deleted' }
      ])
    } finally {
      tmp.cleanup()
    }
  })
})
