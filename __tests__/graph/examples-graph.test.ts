import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { loadWorkspace } from '../../src/app/load-workspace.js'
import { graphJson, renderGraphMermaid, renderGraphText } from '../../src/render/graph-render.js'
import { repoRoot } from '../helpers/temp-dir.js'

// Recorded from the sources before the input-validation work: the shipped
// examples must keep exactly this graph (text, mermaid, json), with no warnings.
const EXPECTED = {
  'examples/aws-fleet': {
    text: [
      '19 deployments in 2 levels',
      'Level 1: acme-dev/us-east-1/shared-platform, acme-dev/eu-west-1/app-roles, acme-dev/us-east-1/ci-roles, acme-prd/eu-west-1/app-roles, acme-prd/us-east-1/ci-roles, acme-stg/eu-west-1/app-roles, acme-stg/us-east-1/ci-roles, acme-dev/eu-west-1/platform-keys, acme-dev/us-east-1/platform-keys, acme-prd/eu-west-1/platform-keys, acme-prd/us-east-1/platform-keys, acme-stg/eu-west-1/platform-keys, acme-stg/us-east-1/platform-keys',
      'Level 2: acme-dev/eu-west-1/analytics-lake, acme-dev/us-east-1/payments-data, acme-prd/eu-west-1/analytics-lake, acme-prd/us-east-1/payments-data, acme-stg/eu-west-1/analytics-lake, acme-stg/us-east-1/payments-data'
    ].join('\n'),
    mermaid: 'c39006e4d6c3517628db04a6aeb00879c7530bbfc0ea918a19ddb676c28646b8',
    json: '515f80600ebc142fe95664d0fddd517bcda2f62828fe307f50639cc5758e6a3b'
  },
  'examples/oci-region/toronto': {
    text: '5 deployments in 4 levels\nLevel 1: toronto/identity\nLevel 2: toronto/network\nLevel 3: toronto/compute, toronto/database\nLevel 4: toronto/loadbalancer',
    mermaid: '7de3fb87e7658507360c8b564297ed6849ce2734762a4ccb54263d704c29f8e1',
    json: 'e1adf7e2dfc30df2ef432ba57f3a4f7ae01a4909f532b2e9236acb4c95364493'
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

describe('the graphs of the shipped examples', () => {
  it.each(Object.entries(EXPECTED))('%s is unchanged, byte for byte', async (example, expected) => {
    const ws = await loadWorkspace({ workingDir: join(repoRoot, example), all: true, requireDeployments: true })
    const labels = new Map(ws.discovery.deployments.map((d) => [d.id, d]))
    expect(ws.warnings).toEqual([])
    expect(renderGraphText(ws.graph, labels)).toBe(expected.text)
    expect(sha256(renderGraphMermaid(ws.graph, labels))).toBe(expected.mermaid)
    expect(sha256(JSON.stringify(graphJson(ws.graph, labels), null, 2))).toBe(expected.json)
  })
})
