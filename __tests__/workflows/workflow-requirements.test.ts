import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { repoRoot } from '../helpers/temp-dir.js'
import { actionSteps, permissionsOf, SHIPPED, workflow, workflowPath, type Job, type Workflow } from './shipped.js'

// The action's real inputs, from action.yml: a workflow may use no other.
const INPUTS = new Set(Object.keys((parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs))
const COMMANDS = new Set(['list', 'graph', 'plan', 'apply', 'drift', 'discover', 'merge-summaries', 'release-locks'])
const PUBLISHED = 'org/tf-orchestrator@v2'

const jobRunning = (wf: Workflow, command: string): [string, Job][] =>
  Object.entries(wf.jobs).filter(([, job]) => actionSteps(job).some((s) => s.with?.command === command))
const pathsOf = (trigger: Record<string, unknown> | null | undefined): unknown => trigger?.paths

describe.each(SHIPPED)('%s.yml', (name) => {
  const wf = workflow(name)

  it(`runs ${PUBLISHED} with known inputs and commands only`, () => {
    const steps = Object.values(wf.jobs).flatMap(actionSteps)
    expect(steps.length).toBeGreaterThan(0)
    for (const step of steps) {
      expect(step.uses).toBe(PUBLISHED)
      expect(Object.keys(step.with ?? {}).filter((k) => !INPUTS.has(k))).toEqual([])
      expect(COMMANDS.has(String(step.with?.command))).toBe(true)
    }
    expect(readFileSync(join(repoRoot, workflowPath(name)), 'utf8')).not.toMatch(/tf-orchestrator\/tf-orchestrator@|tf-orchestrator@v1/)
  })

  it('gives id-token: write to every job that assumes an AWS role, and installs tofu and OPA before plan/apply/drift', () => {
    for (const job of Object.values(wf.jobs)) {
      const steps = actionSteps(job)
      if (steps.some((s) => s.with?.['aws-role-arn'])) expect(permissionsOf(wf, job)['id-token']).toBe('write')
      const runsTofu = steps.some((s) => ['plan', 'apply', 'drift'].includes(String(s.with?.command)))
      if (!runsTofu) continue
      const uses = job.steps.map((s) => s.uses ?? '')
      const at = (prefix: string): number => uses.findIndex((u) => u.startsWith(prefix))
      expect(at('opentofu/setup-opentofu@')).toBeGreaterThanOrEqual(0)
      expect(job.steps[at('opentofu/setup-opentofu@')]?.with?.tofu_wrapper).toBe(false)
      expect(at('open-policy-agent/setup-opa@')).toBeGreaterThanOrEqual(0)
      expect(at('open-policy-agent/setup-opa@')).toBeLessThan(at(PUBLISHED))
    }
  })

  it('watches policies and the configuration anywhere, besides Terraform files', () => {
    for (const trigger of ['pull_request', 'push'] as const) {
      if (!wf.on[trigger]) continue
      expect(pathsOf(wf.on[trigger])).toEqual(expect.arrayContaining(['**/*.rego', '.tf-orchestrator.yml', '**/.tf-orchestrator.yml', '**.tf', '**.tfvars']))
    }
  })
})

describe('pull request plan', () => {
  const wf = workflow('pr-plan')
  it('comments, uses OIDC, and runs one plan per pull request at a time', () => {
    expect(wf.permissions).toMatchObject({ 'pull-requests': 'write', 'id-token': 'write', contents: 'read' })
    expect(wf.concurrency).toEqual({ group: 'tf-orchestrator-plan-${{ github.event.pull_request.number }}', 'cancel-in-progress': true })
  })
  it('releases the locks when the pull request is closed, and plans otherwise', () => {
    expect(wf.on.pull_request?.types).toEqual(expect.arrayContaining(['opened', 'synchronize', 'reopened', 'closed']))
    const [[, release] = []] = jobRunning(wf, 'release-locks')
    const [[, plan] = []] = jobRunning(wf, 'plan')
    expect(release?.if).toBe("github.event.action == 'closed'")
    expect(plan?.if).toBe("github.event.action != 'closed'")
  })
})

describe('applies', () => {
  const merge = workflow('apply-on-merge')
  const dispatch = workflow('dispatch')
  const fleet = workflow('fleet-matrix')
  const [[, onMerge] = []] = jobRunning(merge, 'apply')
  const [[, byHand] = []] = jobRunning(dispatch, 'apply')

  it('apply on merge to main behind an environment with required reviewers', () => {
    expect(merge.on.push?.branches).toEqual(['main'])
    expect(onMerge?.environment).toBe('production')
    expect(byHand?.environment).toBe('production')
    expect(jobRunning(fleet, 'apply')[0]?.[1].environment).toBe('production')
  })

  it('share one never-cancelled concurrency group, so two applies never race', () => {
    expect(onMerge?.concurrency).toEqual({ group: 'tf-orchestrator-apply', 'cancel-in-progress': false })
    expect(byHand?.concurrency).toEqual(onMerge?.concurrency)
    expect(fleet.concurrency?.group).toContain("github.event_name == 'push' && 'tf-orchestrator-apply'")
  })

  it('apply the changes since the last successful apply, then mark it', () => {
    const step = onMerge?.steps.find((s) => s.id === 'base')
    expect(step?.env?.TAG).toBe('tf-orchestrator/applied')
    expect(actionSteps(onMerge as Job)[0]?.with?.['base-ref']).toBe('${{ steps.base.outputs.ref }}')
    expect(onMerge?.steps.at(-1)?.run).toContain('git push -f origin "refs/tags/${TAG}"')
    expect(onMerge?.permissions).toMatchObject({ contents: 'write', 'id-token': 'write' })
  })
})

describe('nightly drift', () => {
  const wf = workflow('nightly-drift')
  it('runs at 02:00 UTC, reports drift through issues, and can be started by hand', () => {
    expect(wf.on.schedule).toEqual([{ cron: '0 2 * * *' }])
    expect(wf.on).toHaveProperty('workflow_dispatch')
    expect(wf.permissions).toMatchObject({ issues: 'write', 'id-token': 'write' })
    const [[, job] = []] = jobRunning(wf, 'drift')
    expect(actionSteps(job as Job)[0]?.with).toMatchObject({ 'drift-issues': 'per-deployment', 'fail-on-drift': false })
  })
})

describe('dispatch', () => {
  const wf = workflow('dispatch')
  const inputs = wf.on.workflow_dispatch?.inputs as Record<string, { type: string; description: string; default: unknown }>
  it('takes parallel as a boolean and max_workers as a number documented 1-64, passed to the action', () => {
    expect(inputs.parallel).toMatchObject({ type: 'boolean', default: true })
    expect(inputs.max_workers).toMatchObject({ type: 'number', default: 5 })
    expect(inputs.max_workers?.description).toContain('1-64')
    for (const [, job] of [...jobRunning(wf, 'plan'), ...jobRunning(wf, 'apply')]) {
      expect(actionSteps(job)[0]?.with).toMatchObject({ parallel: '${{ inputs.parallel }}', 'max-workers': '${{ inputs.max_workers }}' })
    }
  })
  it('applies only from the default branch, and says so elsewhere', () => {
    const onDefault = "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"
    expect(jobRunning(wf, 'apply')[0]?.[1].if).toBe(`inputs.command == 'apply' && ${onDefault}`)
    expect(wf.jobs['refuse-apply']?.if).toBe(`inputs.command == 'apply' && ${onDefault.replace('==', '!=')}`)
    expect(wf.jobs['refuse-apply']?.steps[0]?.run).toMatch(/::error::apply runs only from the default branch[\s\S]*exit 1/)
  })
})

describe('fleet matrix', () => {
  const wf = workflow('fleet-matrix')
  it('discovers shards, runs one job per shard with its deployments, uploads each summary', () => {
    const discover = wf.jobs.discover as Job
    expect(actionSteps(discover)[0]).toMatchObject({ id: 'discover', with: { command: 'discover' } })
    expect(discover.outputs).toEqual({ matrix: '${{ steps.discover.outputs.matrix }}', count: '${{ steps.discover.outputs.count }}' })
    for (const command of ['plan', 'apply']) {
      const [[, shard] = []] = jobRunning(wf, command)
      expect(shard?.needs).toBe('discover')
      expect(shard?.if).toContain("needs.discover.outputs.count != '0'")
      expect(shard?.strategy).toEqual({ 'fail-fast': false, matrix: '${{ fromJSON(needs.discover.outputs.matrix) }}' })
      expect(actionSteps(shard as Job)[0]?.with?.deployments).toBe("${{ join(matrix.deployments, ',') }}")
      const upload = shard?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))
      expect(upload?.with).toMatchObject({ name: 'tf-orchestrator-summary-${{ matrix.shard }}', path: '${{ steps.run.outputs.summary-file }}' })
      expect(upload?.if).toContain('always()')
    }
  })
  it('merges the shard summaries into one comment and job summary, whatever the shards did', () => {
    const merge = wf.jobs.merge as Job
    expect(merge.needs).toEqual(['discover', 'plan', 'apply'])
    expect(merge.if).toMatch(/^always\(\) && /)
    expect(permissionsOf(wf, merge)['pull-requests']).toBe('write')
    const download = merge.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))
    expect(download?.with).toEqual({ pattern: 'tf-orchestrator-summary-*', path: 'summaries' })
    expect(actionSteps(merge)[0]?.with).toMatchObject({ command: 'merge-summaries', 'summaries-path': 'summaries' })
  })
})
