import { join } from 'node:path'
import { actRepo, freePort, startFakeGitHubProcess, workflow, type ActRepo, type FakeGitHubProcess } from '../helpers/act.js'
import { tempDir } from '../helpers/temp-dir.js'

// What must never reach GitHub: a password and an AWS account id the example's plan prints.
const SECRET = 'hunter2-Sup3rSecret'
const ACCOUNT = '123456789012'
const TOKEN = 'ghs_actTestToken0123456789abcdefABCDEF'
const NETWORK = 'network/default/toronto/default'
const LEAK = `resource "terraform_data" "leak" {\n  input = "deploy with arn:aws:iam::${ACCOUNT}:role/deploy password=${SECRET}"\n}\n`

// One workflow for both events: the command and fail-on-drift come from act's --env.
const STEPS = [
  '      - id: tf',
  '        uses: ./',
  '        with:',
  '          command: ${{ env.TF_COMMAND }}',
  '          all: "true"',
  '          working-directory: examples/oci-region/toronto',
  '          fail-on-drift: ${{ env.FAIL_ON_DRIFT }}',
  '      - if: always()',
  '        run: echo "OUTPUTS drift-detected=${{ steps.tf.outputs.drift-detected }} drifted=${{ steps.tf.outputs.drifted }}"',
  // act gives each run a fresh copy of the repository: carry the local state over to the next run.
  '      - if: always()',
  '        run: rm -rf "$SOURCE_REPO/examples/oci-region/toronto/.tf-orchestrator" && cp -a examples/oci-region/toronto/.tf-orchestrator "$SOURCE_REPO/examples/oci-region/toronto/"',
  ''
].join('\n')

interface FakeState {
  issues: Array<{ number: number; title: string; body: string | null; state: string; labels: string[]; head?: unknown }>
  comments: Array<{ id: number; issueNumber: number; body: string; updated_at: string }>
}

describe('the action talks to GitHub under act (fake GitHub API, OCI example)', () => {
  let fake: FakeGitHubProcess
  let repo: ActRepo
  const scratch = tempDir({ 'drift-event.json': JSON.stringify({ repository: { name: 'infra', owner: { login: 'acme' } } }) })
  beforeEach(async () => {
    fake = await startFakeGitHubProcess(TOKEN)
    repo = actRepo(workflow('[pull_request, workflow_dispatch]', STEPS), { 'examples/oci-region/toronto/identity/leak.tf': LEAK })
  })
  afterEach(async () => {
    await fake.stop()
    repo.cleanup()
  })
  afterAll(() => scratch.cleanup())

  const act = async (event: string, env: Record<string, string>, eventFile: string) => {
    const port = await freePort()
    const args = ['-e', eventFile, '-s', `GITHUB_TOKEN=${TOKEN}`, '--env', `GITHUB_API_URL=${fake.url}`, '--artifact-server-path', join(scratch.dir, 'artifacts'), '--artifact-server-addr', '127.0.0.1', '--artifact-server-port', String(port)]
    for (const [k, v] of Object.entries(env)) args.push('--env', `${k}=${v}`)
    return repo.run(event, args)
  }
  const state = (): Promise<FakeState> => fake.control<FakeState>('/_fake/state')
  const nothingLeaked = async (actOutput: string): Promise<void> => {
    const received = JSON.stringify(await fake.control('/_fake/requests'))
    for (const text of [received, actOutput]) {
      expect(text).not.toContain(SECRET)
      expect(text).not.toContain(ACCOUNT)
    }
  }

  it('a first pull request run creates the comment, a second updates the same one; everything is redacted', async () => {
    const pr = await fake.control<{ number: number }>('/_fake/pulls', { owner: 'acme', repo: 'infra' })
    scratch.write('pr-event.json', JSON.stringify({ pull_request: { number: pr.number, head: { sha: 'abc123' } }, repository: { name: 'infra', owner: { login: 'acme' } } }))
    const first = await act('pull_request', { TF_COMMAND: 'plan' }, join(scratch.dir, 'pr-event.json'))
    expect(first.output).toContain('Job succeeded')
    const comments = async () => (await state()).comments.filter((c) => c.issueNumber === pr.number)
    const [created] = await comments()
    expect(await comments()).toHaveLength(1)
    expect(created?.body).toContain('terraform_data.leak')
    expect(created?.body).toContain('examples/oci-region/toronto')
    // Each deployment's output as one group, and the job summary with its pictures.
    expect(first.output).toMatch(/::group::identity\/default\/toronto\/default: succeeded \+\d+ ~0 -0/)
    // act v0.2.89's artifact server rejects @actions/artifact v6's CreateArtifact (unknown field mime_type):
    // the upload fails, which is a warning and never the run's result.
    expect(first.output).toMatch(/::warning::artifact not uploaded: .*CreateArtifact/)
    expect(first.output).toMatch(/unknown field .{0,4}mime_type/)

    const second = await act('pull_request', { TF_COMMAND: 'plan' }, join(scratch.dir, 'pr-event.json'))
    expect(second.output).toContain('Job succeeded')
    const after = await comments()
    expect(after).toHaveLength(1)
    expect(after[0]?.id).toBe(created?.id)
    expect(after[0]?.body).not.toEqual(created?.body)
    await nothingLeaked(`${first.output}${second.output}`)
  }, 900_000)

  it('a drift run opens a labelled issue and fails with fail-on-drift; after the fix the issue closes', async () => {
    const event = join(scratch.dir, 'drift-event.json')
    const apply = await act('workflow_dispatch', { TF_COMMAND: 'apply' }, event)
    expect(apply.output).toContain('Job succeeded')

    // The real infrastructure moved: the VCN's CIDR differs from the code.
    const drifted = await act('workflow_dispatch', { TF_COMMAND: 'drift', FAIL_ON_DRIFT: 'true', TF_VAR_vcn_cidr: '10.30.0.0/16' }, event)
    expect(drifted.output).toContain(`OUTPUTS drift-detected=true drifted=["${NETWORK}"]`)
    expect(drifted.output).toContain('Job failed')
    const opened = (await state()).issues.filter((i) => !i.head)
    expect(opened).toEqual([expect.objectContaining({ title: `Drift: ${NETWORK}`, state: 'open', labels: expect.arrayContaining(['drift-detection', 'needs-review']) })])
    expect(opened[0]?.body).toContain('terraform_data.vcn will be updated in-place')

    const fixed = await act('workflow_dispatch', { TF_COMMAND: 'drift', FAIL_ON_DRIFT: 'true' }, event)
    expect(fixed.output).toContain('OUTPUTS drift-detected=false drifted=[]')
    expect(fixed.output).toContain('Job succeeded')
    const { issues, comments } = await state()
    expect(issues.filter((i) => !i.head)).toEqual([expect.objectContaining({ number: opened[0]?.number, state: 'closed' })])
    expect(comments.filter((c) => c.issueNumber === opened[0]?.number).map((c) => c.body)).toEqual([expect.stringMatching(/^Drift resolved in run/)])
    await nothingLeaked(`${apply.output}${drifted.output}${fixed.output}`)
  }, 900_000)
})
