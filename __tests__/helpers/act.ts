import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { git } from './git-repo.js'
import { repoRoot, tempDir } from './temp-dir.js'

/**
 * Where action.yml and dist/ come from: TF_ORCH_ACT_REPO (a private build of
 * the bundle, so a test can run before the shared dist/ is rebuilt) or this repository.
 */
export const actionRoot = process.env.TF_ORCH_ACT_REPO ?? repoRoot

/** A git repository holding the bundled action, the OCI example and one workflow; act runs in it. */
export interface ActRepo {
  dir: string
  /** Runs `act <event> ...args` in host mode; the workflow's first step copies this repository into act's workspace. */
  run(event: string, args?: string[]): { code: number | null; output: string }
  cleanup(): void
}

/** The workflow text: `on`, one job on ubuntu-latest, the copy step, then `steps` (YAML lines indented by 6). */
export function workflow(on: string, steps: string): string {
  return `name: test\non: ${on}\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cp -a "$SOURCE_REPO/." .\n${steps}`
}

/** A repository with action.yml, dist/, package.json, examples/oci-region (no state), `files` and the workflow. */
export function actRepo(workflowText: string, files: Record<string, string> = {}): ActRepo {
  const tmp = tempDir()
  for (const entry of ['action.yml', 'dist', 'package.json']) cpSync(join(actionRoot, entry), join(tmp.dir, entry), { recursive: true })
  cpSync(join(repoRoot, 'examples/oci-region'), join(tmp.dir, 'examples/oci-region'), { recursive: true, filter: (src) => !/[\\/]\.tf-orchestrator$/.test(src) })
  for (const [path, text] of Object.entries(files)) tmp.write(path, text)
  mkdirSync(join(tmp.dir, '.github/workflows'), { recursive: true })
  writeFileSync(join(tmp.dir, '.github/workflows/test.yml'), workflowText)
  git(tmp.dir, 'init', '-q', '-b', 'main')
  git(tmp.dir, 'add', '-A')
  git(tmp.dir, 'commit', '-q', '-m', 'test')
  return {
    dir: tmp.dir,
    run(event, args = []) {
      const result = spawnSync('act', [event, '-P', 'ubuntu-latest=-self-hosted', '--env', `SOURCE_REPO=${tmp.dir}`, ...args], {
        cwd: tmp.dir,
        encoding: 'utf8',
        timeout: 300_000,
        env: process.env
      })
      return { code: result.status, output: `${result.stdout}${result.stderr}` }
    },
    cleanup: tmp.cleanup
  }
}

/** A TCP port free right now (for act's artifact server). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** The fake GitHub REST API in its own process (act blocks the test's event loop while it runs). */
export interface FakeGitHubProcess {
  url: string
  /** GET or POST a /_fake/ control route (see fake-github-control.ts). */
  control<T>(path: string, body?: unknown): Promise<T>
  stop(): Promise<void>
}

/** Starts __tests__/helpers/fake-github-server.mjs (answering only `requireToken` when given) and waits for its URL. */
export async function startFakeGitHubProcess(requireToken?: string): Promise<FakeGitHubProcess> {
  const args = [join(repoRoot, '__tests__/helpers/fake-github-server.mjs'), ...(requireToken ? ['--require-token', requireToken] : [])]
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise<string>((resolve, reject) => {
    let text = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const line = text.split('\n').find((l) => l.startsWith('{'))
      if (line) resolve((JSON.parse(line) as { url: string }).url)
    })
    child.once('exit', (code) => reject(new Error(`fake GitHub exited with ${String(code)}`)))
  })
  return {
    url,
    control: <T>(path: string, body?: unknown): Promise<T> =>
      // A fresh connection each time: a kept-alive one goes stale while act blocks this process.
      new Promise<T>((resolve, reject) => {
        const data = body === undefined ? undefined : JSON.stringify(body)
        const req = request(`${url}${path}`, { method: data ? 'POST' : 'GET', agent: false, headers: data ? { 'content-type': 'application/json' } : {} }, (res) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => (text += chunk))
          res.on('end', () => resolve((text === '' ? undefined : JSON.parse(text)) as T))
        })
        req.on('error', reject)
        req.end(data)
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}
