import { Ajv } from 'ajv'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { EMF_NAMESPACE, emfLine } from '../../src/audit/emf.js'
import { emfObserver } from '../../src/audit/emf-observer.js'
import { repoRoot } from '../helpers/temp-dir.js'
import { deployment, resultOf, runStart } from './fixtures.js'

const schema = JSON.parse(readFileSync(join(repoRoot, '__tests__/data/emf/emf-schema.json'), 'utf8')) as object
const validate = new Ajv({ allErrors: true }).compile(schema)

/** What the schema cannot say: every referenced dimension is a string member and every metric a number (spec: Target members). */
function targetProblems(doc: Record<string, unknown>): string[] {
  const problems: string[] = []
  const directives = (doc._aws as { CloudWatchMetrics: { Dimensions: string[][]; Metrics: { Name: string }[] }[] }).CloudWatchMetrics
  for (const d of directives) {
    for (const name of d.Dimensions.flat()) if (typeof doc[name] !== 'string' || doc[name] === '') problems.push(`dimension ${name} is not a non-empty string`)
    for (const m of d.Metrics) if (typeof doc[m.Name] !== 'number' || !Number.isFinite(doc[m.Name])) problems.push(`metric ${m.Name} is not a number`)
  }
  return problems
}

const s3 = deployment('s3', 'acme-dev', 'us-east-1', 'payments-data')
const combined = deployment('combined', 'acme-prd', 'eu-west-1', 'core')
const at = new Date('2026-11-05T14:22:33.456Z')
const applied = resultOf(s3, { status: 'succeeded', durationMs: 14_250, applied: true, counts: { create: 2, update: 1, delete: 0, replace: 1 }, startedAt: '2026-11-05T14:22:19.206Z' })

describe('EMF lines', () => {
  it('are valid against the EMF specification schema and reference real members', () => {
    const failed = resultOf(combined, { status: 'failed', durationMs: 3_000, error: 'plan failed' })
    for (const line of [emfLine(applied, s3, 'apply', at), emfLine(failed, combined, 'plan', at), emfLine(resultOf(s3, { status: 'skipped' }), s3, 'apply-destroy', at)]) {
      expect(line).not.toContain('\n')
      const doc = JSON.parse(line) as Record<string, unknown>
      expect(validate(doc) ? [] : validate.errors).toEqual([])
      expect(targetProblems(doc)).toEqual([])
    }
  })

  it('carry duration in seconds, success as 0/1 and changed resources under Account, Service, Action', () => {
    expect(JSON.parse(emfLine(applied, s3, 'apply', at, { RunId: 'r1' }))).toEqual({
      RunId: 'r1',
      _aws: {
        Timestamp: at.getTime(),
        CloudWatchMetrics: [
          {
            Namespace: EMF_NAMESPACE,
            Dimensions: [['Account', 'Service', 'Action']],
            Metrics: [
              { Name: 'DeploymentDuration', Unit: 'Seconds' },
              { Name: 'DeploymentSuccess', Unit: 'Count' },
              { Name: 'ResourcesChanged', Unit: 'Count' }
            ]
          }
        ]
      },
      Account: 'acme-dev',
      Service: 's3',
      Action: 'apply',
      DeploymentId: s3.id,
      Status: 'succeeded',
      DeploymentDuration: 14.25,
      DeploymentSuccess: 1,
      ResourcesChanged: 4
    })
    expect(EMF_NAMESPACE).toBe('Terraform/Orchestrator')
  })

  it('count planned changes for a plan and nothing for an apply that applied nothing', () => {
    const planned = resultOf(combined, { status: 'blocked', counts: { create: 5, update: 0, delete: 1, replace: 0 } })
    expect(JSON.parse(emfLine(planned, combined, 'plan', at))).toMatchObject({ Service: 'kms+s3', DeploymentSuccess: 0, ResourcesChanged: 6 })
    expect(JSON.parse(emfLine(planned, combined, 'apply', at))).toMatchObject({ ResourcesChanged: 0 })
  })

  it('the schema refuses a line without a timestamp or with an unknown unit', () => {
    const doc = JSON.parse(emfLine(applied, s3, 'apply', at)) as { _aws: { Timestamp?: number; CloudWatchMetrics: { Metrics: { Unit: string }[] }[] } }
    const noTime = structuredClone(doc)
    delete noTime._aws.Timestamp
    expect(validate(noTime)).toBe(false)
    const badUnit = structuredClone(doc)
    const metric = badUnit._aws.CloudWatchMetrics[0]?.Metrics[0]
    if (metric) metric.Unit = 'Minutes'
    expect(validate(badUnit)).toBe(false)
  })

  it('the observer writes one line per finished deployment, stamped when it finished', async () => {
    const lines: string[] = []
    const observer = emfObserver((line) => void lines.push(line), () => at)
    observer.runStarted?.(runStart('r7', 'apply', [s3, combined], at))
    await observer.deploymentFinished?.(applied)
    await observer.deploymentFinished?.(resultOf(combined, { status: 'skipped' }))
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>).map((d) => [d.DeploymentId, d.Account, d.RunId, (d._aws as { Timestamp: number }).Timestamp])).toEqual([
      [s3.id, 'acme-dev', 'r7', Date.parse('2026-11-05T14:22:33.456Z')],
      [combined.id, 'acme-prd', 'r7', at.getTime()]
    ])
  })
})
