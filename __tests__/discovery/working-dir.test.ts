import { join } from 'node:path'
import { loadWorkspace } from '../../src/app/load-workspace.js'
import { DiscoveryError } from '../../src/discovery/discovery-error.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('the working directory', () => {
  it('warns when an empty directory holds no deployment (list, graph)', async () => {
    const tmp = tempDir()
    try {
      const ws = await loadWorkspace({ workingDir: tmp.dir, all: true })
      expect(ws.selection.selected).toEqual([])
      expect(ws.warnings).toEqual([
        {
          file: tmp.dir,
          message: expect.stringMatching(/^no deployments found \(looked for folders holding \*\.tf \/ \*\.tf\.json files below \. \(stacks layout.*layout detected/)
        }
      ])
    } finally {
      tmp.cleanup()
    }
  })

  it('fails when deployments are required (plan, apply), naming the directory and the layouts', async () => {
    const tmp = tempDir({
      '.tf-orchestrator.yml': 'layouts:\n  - type: tfvars\n    root_module: root\n    roots: [deployments]\n',
      'root/main.tf': '',
      'README.md': 'nothing here\n'
    })
    try {
      const loading = loadWorkspace({ workingDir: tmp.dir, all: true, requireDeployments: true })
      await expect(loading).rejects.toThrow(DiscoveryError)
      await expect(loadWorkspace({ workingDir: tmp.dir, all: true, requireDeployments: true })).rejects.toThrow(
        `no deployments found in ${tmp.dir} (looked for *.tfvars / *.tfvars.json files below deployments (tfvars layout, root module root))`
      )
    } finally {
      tmp.cleanup()
    }
  })

  it('names a working directory that does not exist, or is a file', async () => {
    const tmp = tempDir({ 'file.txt': 'x\n' })
    try {
      await expect(loadWorkspace({ workingDir: join(tmp.dir, 'nope'), all: true })).rejects.toThrow(`working directory ${join(tmp.dir, 'nope')} does not exist`)
      await expect(loadWorkspace({ workingDir: join(tmp.dir, 'file.txt'), all: true })).rejects.toThrow(
        `working directory ${join(tmp.dir, 'file.txt')} is not a directory`
      )
      await expect(loadWorkspace({ workingDir: join(tmp.dir, 'bad\u001b[2Jdir'), all: true })).rejects.toThrow('bad\\u001b[2Jdir does not exist')
    } finally {
      tmp.cleanup()
    }
  })
})
