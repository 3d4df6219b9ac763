import { canonicalJson, compareChanges, normalisedChanges, renderChangeDiff } from '../../src/plans/plan-changes.js'
import { planReads, unseenUpstream } from '../../src/plans/plan-reads.js'

const change = (address: string, actions: string[], before: unknown, after: unknown, extra: Record<string, unknown> = {}): unknown => ({
  address,
  change: { actions, before, after, after_unknown: {}, ...extra }
})
const plan = (...changes: unknown[]): unknown => ({ resource_changes: changes })

describe('comparing resource changes with the reviewed ones', () => {
  const reviewed = plan(
    change('aws_s3_bucket.logs', ['update'], { id: 'logs', tags: { a: '1', b: '2' }, arn: 'arn:1' }, { id: 'logs', tags: { a: '1', b: '3' }, arn: 'arn:1' }),
    change('aws_iam_role.ci', ['create'], null, { name: 'ci', arn: null }, { after_unknown: { arn: true, id: true } })
  )

  it('ignores refresh-only noise: no-op and read actions, drift, prior state and unchanged attributes refreshed', () => {
    const now = {
      resource_changes: [
        change('data.aws_caller_identity.me', ['read'], null, { id: '1' }),
        change('aws_s3_bucket.other', ['no-op'], { id: 'x' }, { id: 'x' }),
        // Refresh changed an attribute the update does not touch.
        change('aws_s3_bucket.logs', ['update'], { id: 'logs', tags: { b: '2', a: '1' }, arn: 'arn:2' }, { id: 'logs', tags: { b: '3', a: '1' }, arn: 'arn:2' }),
        change('aws_iam_role.ci', ['create'], null, { arn: null, name: 'ci' }, { after_unknown: { id: true, arn: true } })
      ],
      resource_drift: [change('aws_s3_bucket.other', ['update'], { id: 'x' }, { id: 'y' })],
      prior_state: { serial: 9 }
    }
    expect(compareChanges(reviewed, now)).toEqual([])
  })

  it('finds a changed value, a new change and a change no longer planned, and prints them readably', () => {
    const now = plan(
      change('aws_s3_bucket.logs', ['update'], { id: 'logs', tags: { a: '1', b: '2' } }, { id: 'logs', tags: { a: '1', b: '4' } }),
      change('aws_kms_key.data', ['delete', 'create'], { id: 'k1' }, { id: null }, { after_unknown: { id: true } })
    )
    expect(renderChangeDiff(compareChanges(reviewed, now))).toBe(
      [
        '3 resource change(s) differ from the reviewed plan:',
        '  - aws_iam_role.ci: create in the reviewed plan, no longer planned',
        '  + aws_kms_key.data: delete, create planned now, not in the reviewed plan',
        '      id: "k1" -> (known after apply)',
        '  ~ aws_s3_bucket.logs: reviewed update, now update',
        '      tags: reviewed {"a":"1","b":"2"} -> {"a":"1","b":"3"}; now {"a":"1","b":"2"} -> {"a":"1","b":"4"}'
      ].join('\n')
    )
  })

  it('compares sensitive values but never prints them', () => {
    const secret = (value: string): unknown => plan(change('aws_db_instance.main', ['update'], { password: 'old' }, { password: value }, { after_sensitive: { password: true } }))
    const diff = compareChanges(secret('reviewed-secret'), secret('new-secret'))
    expect(diff).toHaveLength(1)
    const text = renderChangeDiff(diff)
    expect(text).toContain('password: reviewed (sensitive); now (sensitive)')
    expect(text).not.toMatch(/secret|old/)
  })

  it('tells an update from a replacement and create-before-destroy from destroy-before-create', () => {
    const as = (actions: string[]): unknown => plan(change('x.y', actions, { id: '1', v: 'a' }, { id: '1', v: 'b' }))
    expect(compareChanges(as(['update']), as(['delete', 'create']))).toHaveLength(1)
    expect(compareChanges(as(['create', 'delete']), as(['delete', 'create']))).toHaveLength(1)
    expect(normalisedChanges(as(['delete']))).toEqual([{ address: 'x.y', actions: ['delete'], attributes: {}, sensitive: [] }])
  })

  it('writes JSON with sorted keys at every depth', () => {
    expect(canonicalJson({ b: [{ d: 1, c: null }], a: undefined })).toBe('{"a":null,"b":[{"c":null,"d":1}]}')
  })
})

describe('what a plan reads from outside', () => {
  const json = {
    configuration: {
      root_module: {
        resources: [{ mode: 'managed', type: 'terraform_data' }],
        module_calls: {
          net: { module: { resources: [{ mode: 'data', type: 'terraform_remote_state', expressions: { config: { constant_value: { path: '/s/network/a/east/p/terraform.tfstate' } } } }] } }
        }
      }
    }
  }
  const applied = [
    { id: 'network/a/east/p', stateKey: 'network/a/east/p/terraform.tfstate' },
    { id: 'iam/a/east/p', stateKey: 'iam/a/east/p/terraform.tfstate' }
  ]

  it('finds data sources in module calls and the state a terraform_remote_state reads', () => {
    expect(planReads(json)).toEqual({ readsData: true, remoteStateStrings: ['/s/network/a/east/p/terraform.tfstate'] })
    expect(planReads({ configuration: { root_module: { resources: [{ mode: 'managed' }] } } })).toEqual({ readsData: false, remoteStateStrings: [] })
  })

  it('counts upstream deployments and the state a remote-state read names, all applied ones when the upstream is unknown, none without data reads', () => {
    const reads = planReads(json)
    expect(unseenUpstream(reads, applied, 'compute/a/east/p', []).map((a) => a.id)).toEqual(['network/a/east/p'])
    expect(unseenUpstream(reads, applied, 'compute/a/east/p', ['iam/a/east/p']).map((a) => a.id)).toEqual(['network/a/east/p', 'iam/a/east/p'])
    expect(unseenUpstream(reads, applied, 'compute/a/east/p').map((a) => a.id)).toEqual(['network/a/east/p', 'iam/a/east/p'])
    expect(unseenUpstream({ readsData: false, remoteStateStrings: [] }, applied, 'compute/a/east/p')).toEqual([])
  })
})
