import { buildExecutionGraph, DependencyConfigError } from '../../src/graph/deployment-graph.js'
import { loadWorkspace } from '../../src/app/load-workspace.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('deployment_dependencies errors', () => {
  it('names the configuration line of an entry that matches nothing', async () => {
    const tmp = tempDir({
      '.tf-orchestrator.yml': 'binary: tofu\ndeployment_dependencies:\n  app/default/east/default:\n    - net/default/east/default\n    - dbb/default/east/*\n',
      'east/app/main.tf': '',
      'east/net/main.tf': '',
      'east/db/main.tf': ''
    })
    try {
      await expect(loadWorkspace({ workingDir: tmp.dir, all: true })).rejects.toThrow(
        /\.tf-orchestrator\.yml:5: deployment_dependencies\.app\/default\/east\/default entry "dbb\/default\/east\/\*" matches no deployment/
      )
    } finally {
      tmp.cleanup()
    }
  })

  it('works without a location, as before', () => {
    const all = [{ id: 's3/a/r/p', name: 'p', layout: 'stacks' as const, account: 'a', region: 'r', project: 'p', services: ['s3'], stateKey: 'k', rootDir: 'p', source: 'p' }]
    expect(() => buildExecutionGraph({ all, serviceDependencies: {}, explicit: { 'x/*': ['s3/a/r/p'] } })).toThrow(
      new DependencyConfigError('deployment_dependencies key "x/*" matches no deployment (ids look like s3/a/r/p)')
    )
  })
})
