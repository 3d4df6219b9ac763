import { join } from 'node:path'
import { loadWorkspace } from '../../src/app/load-workspace.js'
import { dropOutsideChanges } from '../../src/discovery/outside-changes.js'
import { git, initRepo } from '../helpers/git-repo.js'
import { tempDir } from '../helpers/temp-dir.js'

const tfvars = (account: string): string => `account_name = "${account}"\nregion = "r"\ns3_buckets = {}\n`

describe('an explicit list of changed files', () => {
  it('warns about a path that exists neither in the working tree nor at the base ref, and ignores it', async () => {
    const tmp = tempDir({ 'infra/main.tf': 'variable "region" {}\n', 'infra/d/one/one.tfvars': tfvars('a'), 'infra/d/two/two.tfvars': tfvars('b') })
    try {
      initRepo(tmp.dir)
      git(tmp.dir, 'rm', '-q', 'infra/d/two/two.tfvars')
      git(tmp.dir, 'commit', '-q', '-m', 'drop two')
      const ws = await loadWorkspace({
        workingDir: join(tmp.dir, 'infra'),
        baseRef: 'HEAD~1',
        changedFiles: `${join(tmp.dir, 'infra/d/one/one.tfvars')},${join(tmp.dir, 'infra/d/two/two.tfvars')},${join(tmp.dir, 'infra/d/tow/tow.tfvars')}`
      })
      expect(ws.selection.selected.map((d) => d.id)).toEqual(['s3/a/r/one'])
      // two existed at the base ref: a real deletion, with its old state key.
      expect(ws.selection.removed.map((r) => [r.file, r.stateKey])).toEqual([['d/two/two.tfvars', 's3/b/r/two/terraform.tfstate']])
      expect(ws.warnings).toEqual([{ file: 'd/tow/tow.tfvars', message: 'ignored: the changed file exists neither in the working tree nor at HEAD~1' }])
    } finally {
      tmp.cleanup()
    }
  })

  it('without a base ref counts a missing file as deleted, with a warning naming it', async () => {
    const tmp = tempDir({ 'main.tf': '', 'd/one/one.tfvars': tfvars('a') })
    try {
      const ws = await loadWorkspace({ workingDir: tmp.dir, changedFiles: join(tmp.dir, 'd/gone/gone.tfvars') })
      expect(ws.selection.removed.map((r) => r.file)).toEqual(['d/gone/gone.tfvars'])
      expect(ws.warnings).toEqual([{ file: 'd/gone/gone.tfvars', message: expect.stringContaining('does not exist in the working tree; counted as deleted') }])
    } finally {
      tmp.cleanup()
    }
  })

  it('warns about a path outside the working directory unless a deployment calls a module there', async () => {
    const tmp = tempDir({
      'region/app/main.tf': 'module "m" {\n  source = "../../modules/m"\n}\n',
      'modules/m/main.tf': '',
      'elsewhere/notes.tf': ''
    })
    try {
      const ws = await loadWorkspace({
        workingDir: join(tmp.dir, 'region'),
        changedFiles: [join(tmp.dir, 'modules/m/main.tf'), join(tmp.dir, 'elsewhere/notes.tf')].join('\n')
      })
      expect(ws.selection.selected.map((d) => d.name)).toEqual(['region/app'])
      expect(ws.warnings).toEqual([
        { file: '../elsewhere/notes.tf', message: expect.stringMatching(/^ignored: the changed file is outside the working directory .*region and in no module/) }
      ])
    } finally {
      tmp.cleanup()
    }
  })

  it('keeps inside paths and module paths, escaping what it prints', () => {
    const calls = new Map([['.', ['../modules/m']], ['../modules/m', []]])
    const { changes, warnings } = dropOutsideChanges(
      [
        { path: 'a.tf', status: 'modified' },
        { path: '../modules/m/x.tf', status: 'modified' },
        { path: '../other/\u001b[31mx.tfvars', status: 'deleted' }
      ],
      calls,
      '/w'
    )
    expect(changes.map((c) => c.path)).toEqual(['a.tf', '../modules/m/x.tf'])
    expect(warnings.map((w) => w.file)).toEqual(['../other/\\u001b[31mx.tfvars'])
  })
})
