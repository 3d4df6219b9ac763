import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stackModule } from '../helpers/stacks.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

// The CLI contract a script relies on, checked on the built bundle.
const bundle = join(repoRoot, 'dist/cli.js')
const toronto = join(repoRoot, 'examples/oci-region/toronto')
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version

/** Runs the bundle off a terminal, without NO_COLOR or GITHUB_ACTIONS (so nothing but the pipe turns colours off). */
function cli(args: string[], env: Record<string, string | undefined> = {}): { code: number | null; out: string; err: string } {
  const base = { ...process.env, NO_COLOR: undefined, GITHUB_ACTIONS: undefined, FORCE_COLOR: undefined }
  const result = spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', env: { ...base, ...env }, timeout: 110_000 })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

/** A script standing in for the binary: `version` answers like OpenTofu, anything else prints `text` in colour and fails. */
function fakeBinary(dir: string, name: string, versionJson: string, text: string): string {
  const file = join(dir, name)
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      `echo "$@" >> "${dir}/calls.log"`,
      `if [ "$1" = version ]; then printf '%s\\n' '${versionJson}'; exit 0; fi`,
      `printf '\\033[31m${text}\\033[0m\\n' >&2`,
      'exit 1',
      ''
    ].join('\n')
  )
  chmodSync(file, 0o755)
  return file
}

const noStackTrace = (text: string): void => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)

beforeAll(() => {
  if (!existsSync(bundle)) execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'ignore' })
})

describe('one JSON document on stdout with --json', () => {
  const stacks = tempDir({ 'east/iam/main.tf': stackModule({ resources: 2 }), 'east/s3/main.tf': stackModule() })
  afterAll(() => stacks.cleanup())

  it('plan --json prints the run summary; progress and the table go to stderr', () => {
    const { code, out, err } = cli(['plan', '--all', '-w', stacks.dir, '--json'])
    expect(err).toContain('DEPLOYMENT')
    expect(err).toMatch(/^\[\d\/2\] iam\/default\/east\/default plan ok \+2 ~0 -0/m)
    expect(code).toBe(0)
    const summary = JSON.parse(out) as { command: string; totals: { succeeded: number; created: number } }
    expect(summary).toMatchObject({ command: 'plan', totals: { succeeded: 2, created: 3 } })
  })

  it('apply --json prints the run summary, and a second plan finds nothing to change', () => {
    const apply = cli(['apply', '--all', '-w', stacks.dir, '--json'])
    expect(apply.code).toBe(0)
    expect(JSON.parse(apply.out)).toMatchObject({ command: 'apply', totals: { succeeded: 2, created: 3 } })
    const again = JSON.parse(cli(['plan', '--all', '-w', stacks.dir, '--json']).out) as { deployments: { hasChanges?: boolean }[] }
    expect(again.deployments.map((d) => d.hasChanges)).toEqual([false, false])
  })

  it('--dry-run --json prints the execution plan, with the binary it would use', () => {
    const { code, out } = cli(['apply', '--all', '-w', toronto, '--dry-run', '--json', '--max-workers', '3', '--destroy', '--policy-mode', 'warn'])
    expect(code).toBe(0)
    const plan = JSON.parse(out) as { levels: string[][]; workers: number; destroy: boolean; policyMode: string; binary: { name: string } }
    expect(plan).toMatchObject({ workers: 3, destroy: true, policyMode: 'warn', binary: { name: 'opentofu' } })
    // Destroy goes dependents first.
    expect(plan.levels[0]).toEqual(['loadbalancer/default/toronto/default'])
  })

  it('graph --json --format mermaid is a usage error, not silently JSON', () => {
    const { code, out, err } = cli(['graph', '--all', '-w', toronto, '--json', '--format', 'mermaid'])
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toContain('error: --json cannot be combined with --format mermaid')
  })
})

describe('usage errors exit 2 with a message, never a stack trace', () => {
  it('a working directory that does not exist', () => {
    const { code, err } = cli(['list', '-w', join(repoRoot, 'does-not-exist')])
    expect(code).toBe(2)
    expect(err).toMatch(/^error: working directory .*does-not-exist does not exist/m)
  })

  it('--max-workers 2.5 and 500, naming the flag', () => {
    for (const n of ['2.5', '500']) {
      const { code, err } = cli(['plan', '--all', '-w', toronto, '--max-workers', n])
      expect(code).toBe(2)
      expect(err).toContain(`error: --max-workers: must be a whole number from 1 to 64, got "${n}"`)
    }
  })

  it('plan with no deployments discovered, while list only warns', () => {
    const empty = tempDir({ 'README.md': 'nothing here\n' })
    try {
      expect(cli(['plan', '--all', '-w', empty.dir]).code).toBe(2)
      const list = cli(['list', '-w', empty.dir])
      expect(list.code).toBe(0)
      expect(list.err).toMatch(/^warning: .*no deployments found/m)
    } finally {
      empty.cleanup()
    }
  })

  it('--binary that is not OpenTofu or Terraform names the file and what was expected', () => {
    const tmp = tempDir({ 'east/app/main.tf': stackModule(), 'hello.sh': '#!/bin/sh\necho hello\n', 'data.txt': 'not a program' })
    try {
      chmodSync(join(tmp.dir, 'hello.sh'), 0o755)
      for (const [file, extra] of [['hello.sh', ['--dry-run']], ['hello.sh', []], ['data.txt', []]] as const) {
        const { code, err } = cli(['plan', '--all', '-w', tmp.dir, '--binary', join(tmp.dir, file), ...extra])
        expect(code).toBe(2)
        expect(err).toContain(`error: ${join(tmp.dir, file)}: `)
        expect(err).toContain('expected OpenTofu or Terraform')
        noStackTrace(err)
      }
    } finally {
      tmp.cleanup()
    }
  })

  it('policy --plan with a file that is not a plan JSON names the file and what was expected', () => {
    const tmp = tempDir({ 'text.json': 'hello', 'null.json': 'null', 'list.json': '[]', 'other.json': '{"a":1}' })
    try {
      writeFileSync(join(tmp.dir, 'garbage.bin'), Buffer.from([0, 159, 146, 150, 255, 0, 1]))
      for (const file of ['text.json', 'null.json', 'list.json', 'other.json', 'garbage.bin', 'missing.json']) {
        const { code, err } = cli(['policy', '--plan', join(tmp.dir, file), '-w', tmp.dir])
        expect(code).toBe(2)
        expect(err).toContain(`error: ${join(tmp.dir, file)}: `)
        expect(err).toContain('expected a plan JSON document')
        noStackTrace(err)
      }
    } finally {
      tmp.cleanup()
    }
  })
})

describe('--version', () => {
  it('prints the version of package.json and the binary it would use', () => {
    const { code, out } = cli(['--version'])
    expect(code).toBe(0)
    expect(out).toMatch(new RegExp(`^tf-orchestrator ${version.replace(/\./g, '\\.')}\\nbinary: tofu: /\\S+/tofu \\(OpenTofu v\\d+\\.\\d+\\.\\d+\\)\\n$`))
  })

  it('says when the binary is not found', () => {
    const { code, out } = cli(['--version'], { PATH: '/nonexistent' })
    expect(code).toBe(0)
    expect(out).toContain(`tf-orchestrator ${version}`)
    expect(out).toMatch(/^binary: tofu: not found/m)
  })
})

describe('output that is not a terminal', () => {
  it('ends quietly when the reader goes away (EPIPE)', async () => {
    const child = spawn(process.execPath, [bundle, 'list', '--all', '-w', join(repoRoot, 'examples/aws-fleet'), '--json'], { stdio: ['ignore', 'pipe', 'pipe'] })
    // Like `| head -0`: the reader is gone before anything is written.
    child.stdout.destroy()
    let err = ''
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)))
    expect(err).toBe('')
    expect(code).toBe(0)
  })

  it('carries no ANSI codes, and the binary gets -no-color', () => {
    const tmp = tempDir({ 'east/app/main.tf': stackModule() })
    try {
      const binary = fakeBinary(tmp.dir, 'tofu', '{"terraform_version":"1.11.6"}', 'Error: boom in colour')
      const { code, out, err } = cli(['plan', '--all', '-w', tmp.dir, '--binary', binary, '--policy-mode', 'off'])
      expect(code).toBe(1)
      expect(`${out}${err}`).toContain('Error: boom in colour')
      expect(`${out}${err}`).not.toContain('\u001b')
      expect(readFileSync(join(tmp.dir, 'calls.log'), 'utf8')).toMatch(/^init .*-no-color/m)
    } finally {
      tmp.cleanup()
    }
  })
})
