import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(args, { out: (t) => void (out += t.endsWith('\n') ? t : `${t}\n`), err: (t) => void (err += t.endsWith('\n') ? t : `${t}\n`) })
  return { code, out, err }
}

const toronto = join(repoRoot, 'examples/oci-region/toronto')

describe('CLI', () => {
  it('graph prints identity, network, compute+database, loadbalancer', async () => {
    const { code, out } = await cli('graph', '--working-dir', toronto, '--all', '--format', 'text')
    expect(code).toBe(0)
    expect(out).toBe(
      '5 deployments in 4 levels\nLevel 1: toronto/identity\nLevel 2: toronto/network\nLevel 3: toronto/compute, toronto/database\nLevel 4: toronto/loadbalancer\n'
    )
  })

  it('graph renders mermaid and json', async () => {
    const mermaid = await cli('graph', '-w', toronto, '--all', '--format', 'mermaid')
    expect(mermaid.out).toContain('flowchart LR')
    expect(mermaid.out).toMatch(/d\d --> d\d/)
    const json = JSON.parse((await cli('graph', '-w', toronto, '--all', '--format', 'json')).out)
    expect(json.levels.map((l: { name: string }[]) => l.map((d) => d.name))).toEqual([
      ['toronto/identity'],
      ['toronto/network'],
      ['toronto/compute', 'toronto/database'],
      ['toronto/loadbalancer']
    ])
  })

  it('list --json gives deployments with reasons', async () => {
    const { code, out } = await cli('list', '-w', toronto, '--changed-files', join(repoRoot, 'examples/oci-region/modules/compute/main.tf'), '--json')
    expect(code).toBe(0)
    const parsed = JSON.parse(out)
    expect(parsed.deployments.map((d: { name: string }) => d.name)).toEqual(['toronto/compute', 'toronto/database'])
    expect(parsed.deployments[1].reasons[0].text).toBe('module ../modules/compute changed')
  })

  it('exits 2 with the message for a configuration error', async () => {
    const tmp = tempDir({ '.tf-orchestrator.yml': 'binary: terraformx\n', 'east/app/main.tf': '' })
    try {
      const { code, err } = await cli('list', '-w', tmp.dir)
      expect(code).toBe(2)
      expect(err).toMatch(/^error: .*\.tf-orchestrator\.yml:1: binary: /m)
    } finally {
      tmp.cleanup()
    }
  })

  it('exits 2 for an unknown option and 0 for --help', async () => {
    expect((await cli('list', '--bogus')).code).toBe(2)
    const help = await cli('graph', '--help')
    expect(help.code).toBe(0)
    expect(help.out).toContain('--format <format>')
  })

  it('rejects --all together with --changed-files', async () => {
    expect((await cli('list', '--all', '--changed-files', 'x')).code).toBe(2)
  })
})

describe('the bundled CLI (dist/cli.js)', () => {
  const bundle = join(repoRoot, 'dist/cli.js')

  beforeAll(() => {
    if (!existsSync(bundle)) execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'ignore' })
  })

  it('runs the HCL parser from the bundle and prints the graph', () => {
    const result = spawnSync(process.execPath, [bundle, 'graph', '--working-dir', toronto, '--all', '--format', 'text'], { encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout.split('\n').slice(1, 5)).toEqual([
      'Level 1: toronto/identity',
      'Level 2: toronto/network',
      'Level 3: toronto/compute, toronto/database',
      'Level 4: toronto/loadbalancer'
    ])
  })

  it('parses tfvars in the bundle and reports a syntax error with file and line', () => {
    const tmp = tempDir({ 'main.tf': '', 'd/p/p.tfvars': 'account_name = "a"\nregion = \n' })
    try {
      const result = spawnSync(process.execPath, [bundle, 'list', '-w', tmp.dir], { encoding: 'utf8' })
      expect(result.status).toBe(2)
      expect(result.stderr).toMatch(/^error: tfvars syntax error: d\/p\/p\.tfvars:2: /)
    } finally {
      tmp.cleanup()
    }
  })
})

describe('plan and apply options', () => {
  it('--dry-run prints levels, workers and state keys and runs nothing', async () => {
    const { existsSync, readdirSync } = await import('node:fs')
    const runsDir = join(toronto, '.tf-orchestrator', 'runs')
    const runs = (): number => (existsSync(runsDir) ? readdirSync(runsDir).length : 0)
    const before = runs()
    const { code, out } = await cli('apply', '--all', '-w', toronto, '--dry-run', '--max-workers', '3')
    expect(code).toBe(0)
    expect(out).toContain('apply with tofu, 3 worker(s), timeout 30 min')
    expect(out).toContain('Level 3: toronto/compute, toronto/database')
    expect(out).toMatch(/network\/default\/toronto\/default: state .*\.tf-orchestrator\/state\/network\/default\/toronto\/default\/terraform\.tfstate/)
    expect(runs()).toBe(before)
  })

  it('refuses to plan without saying what to run', async () => {
    const { code, err } = await cli('plan', '-w', toronto)
    expect(code).toBe(2)
    expect(err).toContain('say what to run: --all, --base-ref <ref> or --changed-files <list>')
  })
})
