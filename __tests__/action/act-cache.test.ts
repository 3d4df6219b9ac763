import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { git } from '../helpers/git-repo.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

// The bundle under test: the real repository, or a private build (TFORCH_ACTION_ROOT) with its own dist/.
const actionRoot = process.env.TFORCH_ACTION_ROOT ?? repoRoot
const tofu = join(repoRoot, '.tools/bin/tofu')
const ROOT_MODULE = 'terraform {\n  backend "local" {}\n  required_providers {\n    dummy = { source = "example/dummy", version = "1.0.0" }\n  }\n}\n'

// act's own cache server (ACTIONS_CACHE_URL, the toolkit's v1 protocol, which @actions/cache speaks
// when ACTIONS_CACHE_SERVICE_V2 is unset) keeps the caches in one folder across the runs.
const tmp = tempDir()
const mirror = join(tmp.dir, 'mirror')
const plugins = join(tmp.dir, 'plugins')
const cliConfig = join(tmp.dir, 'cli.tfrc')
let lockFile = ''

beforeAll(() => {
  // The provider comes from a filesystem mirror the test removes later (it stands in for the registry).
  cpSync(join(repoRoot, '__tests__/data/provider-mirror'), mirror, { recursive: true })
  writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["example/*"]\n  }\n}\n`)
  // A committed lock file, as a real repository has: it pins the provider, so init can link it from the cache alone.
  const gen = join(tmp.dir, 'lockgen')
  mkdirSync(gen)
  writeFileSync(join(gen, 'main.tf'), ROOT_MODULE)
  const env = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_DATA_DIR: join(gen, '.data'), TF_PLUGIN_CACHE_DIR: '' }
  const init = spawnSync(tofu, ['init', '-input=false', '-no-color', '-backend=false'], { cwd: gen, env, encoding: 'utf8' })
  if (init.status !== 0) throw new Error(init.stderr)
  lockFile = readFileSync(join(gen, '.terraform.lock.hcl'), 'utf8')
})
afterAll(() => tmp.cleanup())

/** Empties every provider zip of the mirror (its listing stays, its packages cannot be installed). */
function breakPackages(): void {
  const dir = join(mirror, 'registry.opentofu.org/example/dummy')
  for (const zip of readdirSync(dir).filter((f) => f.endsWith('.zip'))) writeFileSync(join(dir, zip), '')
}

/** One push of a fresh clone of the same repository through the bundled action under act (host mode). */
function runWorkflow(name: string, pluginCache: boolean): { code: number | null; output: string } {
  const repo = join(tmp.dir, name)
  for (const entry of ['action.yml', 'dist', 'package.json']) cpSync(join(actionRoot, entry), join(repo, entry), { recursive: true })
  mkdirSync(join(repo, 'infra/east/app'), { recursive: true })
  writeFileSync(join(repo, 'infra/east/app/main.tf'), ROOT_MODULE)
  writeFileSync(join(repo, 'infra/east/app/.terraform.lock.hcl'), lockFile)
  writeFileSync(join(repo, 'infra/.tf-orchestrator.yml'), 'policies:\n  mode: off\n')
  mkdirSync(join(repo, '.github/workflows'), { recursive: true })
  const step = ['      - uses: ./', '        with:', '          command: plan', '          all: "true"', '          working-directory: infra', `          plugin-cache: "${pluginCache}"`]
  writeFileSync(join(repo, '.github/workflows/test.yml'), `name: test\non: push\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cp -a "$SOURCE_REPO/." .\n${step.join('\n')}\n`)
  git(repo, 'init', '-q', '-b', 'main')
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'test')
  const env = { SOURCE_REPO: repo, TF_CLI_CONFIG_FILE: cliConfig, TF_PLUGIN_CACHE_DIR: plugins }
  const args = ['push', '-P', 'ubuntu-latest=-self-hosted', '--cache-server-addr', '127.0.0.1', '--cache-server-path', join(tmp.dir, 'actcache')]
  for (const [k, v] of Object.entries(env)) args.push('--env', `${k}=${v}`)
  const result = spawnSync('act', args, { cwd: repo, encoding: 'utf8', timeout: 240_000, env: process.env })
  return { code: result.status, output: `${result.stdout}${result.stderr}` }
}

const KEY = /tf-orchestrator-plugins-linux-\w+-opentofu-[\w.]+-[0-9a-f]{32}/

// example/dummy installs but cannot be started, so every plan fails after its init: the
// runs also prove that the post step saves the cache when the main step failed.
const INSTALLED = 'Installing example/dummy v1.0.0 to the shared cache directory'
const LINKED = 'Using example/dummy v1.0.0 from the shared cache directory'

describe('the provider plugin cache across runs (act cache server)', () => {
  it('is saved by the post step of the first run, even a failed one, and restored by the second, which installs nothing', () => {
    const first = runWorkflow('run-1', true)
    expect(first.output).toMatch(new RegExp(`plugin cache: no cache for ${KEY.source}; the post step saves it`))
    expect(first.output).toContain(INSTALLED)
    expect(first.output).toContain('Failure - Main ./')
    const saved = new RegExp(`plugin cache saved as (${KEY.source})`).exec(first.output)
    expect(saved).not.toBeNull()

    // A new runner with an empty plugin folder, and a source that still lists the provider
    // (init always asks for the versions) but whose package is broken: installing it fails.
    rmSync(plugins, { recursive: true, force: true })
    breakPackages()
    const second = runWorkflow('run-2', true)
    expect(second.output).toContain(`plugin cache restored from ${saved?.[1]} into ${plugins}`)
    expect(existsSync(join(plugins, 'registry.opentofu.org/example/dummy/1.0.0'))).toBe(true)
    expect(second.output).toContain('=== init (attempt 1, exit 0) ===')
    expect(second.output).toContain(LINKED)
    expect(second.output).not.toContain(INSTALLED)
    expect(second.output).toContain(`plugin cache: restored from ${saved?.[1]} itself; not saved again`)

    // The same run without the cache cannot install the provider: run 2's init succeeded thanks to the restore.
    rmSync(plugins, { recursive: true, force: true })
    const third = runWorkflow('run-3', false)
    expect(third.output).not.toContain('plugin cache restored')
    expect(third.output).toMatch(/init failed \(exit 1\)/)
    expect(third.output).not.toContain('=== init (attempt 1, exit 0) ===')
    expect(third.output).toContain('plugin cache: the main step did not restore it; nothing to save')
  })
})
