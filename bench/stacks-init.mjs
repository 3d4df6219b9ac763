#!/usr/bin/env node
// First inits of a stacks fleet on a cold plugin cache, with the real OpenTofu:
// every stack is its own root module and needs one provider from a filesystem
// mirror. "serialized" is the former gate (every first init behind one lock);
// "parallel" is src/engine/init-gate.ts (locks per provider: the init that
// installs the provider runs alone, the others then read the cache together).
//   node bench/stacks-init.mjs [stacks=8] [workers=4]
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'

const root = join(import.meta.dirname, '..')
process.env.PATH = `${join(root, '.tools', 'bin')}:${process.env.PATH}`

/** Loads the gate from its TypeScript source (transpiled only), so the benchmark runs exactly that code. */
async function loadGate(dir) {
  const mutex = import.meta.resolve('async-mutex')
  for (const name of ['init-gate', 'root-providers']) {
    const source = readFileSync(join(root, 'src', 'engine', `${name}.ts`), 'utf8')
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
    writeFileSync(join(dir, `${name}.mjs`), js.replaceAll("'async-mutex'", `'${mutex}'`).replaceAll("'./root-providers.js'", "'./root-providers.mjs'"))
  }
  return (await import(pathToFileURL(join(dir, 'init-gate.mjs')).href)).InitGate
}

const run = (cwd, env) =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    execFile('tofu', ['init', '-input=false', '-no-color', '-reconfigure', `-backend-config=path=${join(cwd, 'terraform.tfstate')}`], { cwd, env }, (error, stdout, stderr) =>
      error ? reject(new Error(`init in ${cwd} failed:\n${stdout}${stderr}`)) : resolve({ started, ended: performance.now() })
    )
  })

/** N at a time, like the worker pool. */
async function pool(items, workers, fn) {
  const queue = [...items]
  await Promise.all(Array.from({ length: workers }, async () => { for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item) }))
}

export async function stacksInit(stacks = 8, workers = 4) {
  const dir = mkdtempSync(join(tmpdir(), 'tforch-bench-stacks-init-'))
  try {
    const InitGate = await loadGate(dir)
    const cli = join(dir, 'cli.tfrc')
    writeFileSync(cli, `provider_installation {\n  filesystem_mirror {\n    path    = "${join(root, '__tests__/data/provider-mirror')}"\n    include = ["example/*"]\n  }\n}\n`)
    const mainTf = 'terraform {\n  backend "local" {}\n  required_providers {\n    dummy = { source = "example/dummy", version = "1.0.0" }\n  }\n}\nresource "terraform_data" "x" {}\n'
    const measure = async (name, serialized) => {
      const fleet = join(dir, name)
      const names = Array.from({ length: stacks }, (_, i) => join(fleet, 'region', `s${String(i).padStart(2, '0')}`))
      for (const s of names) { mkdirSync(s, { recursive: true }); writeFileSync(join(s, 'main.tf'), mainTf) }
      const cache = join(fleet, 'plugin-cache')
      mkdirSync(cache)
      const gate = new InitGate()
      const env = (s) => ({ ...process.env, TF_CLI_CONFIG_FILE: cli, TF_PLUGIN_CACHE_DIR: cache, TF_DATA_DIR: join(s, '.data'), TF_IN_AUTOMATION: '1' })
      const started = performance.now()
      let all = 0
      // serialized: the former gate, one global lock for every first init.
      const one = serialized ? (await import(import.meta.resolve('async-mutex'))).Mutex : undefined
      const lock = one ? new one() : undefined
      await pool(names, workers, async (s) => {
        const r = lock ? await lock.runExclusive(() => run(s, env(s))) : await gate.run(s, () => run(s, env(s)), () => true)
        all += r.ended - r.started
      })
      return { wall: performance.now() - started, sum: all }
    }
    console.log(`\nStacks first init: ${stacks} root modules, one provider from a filesystem mirror, cold plugin cache, ${workers} at a time`)
    const serialized = await measure('serialized', true)
    const parallel = await measure('parallel', false)
    console.log(`  serialized (one lock for every first init)         ${(serialized.wall / 1000).toFixed(2)}s`)
    console.log(`  parallel (per-provider locks, src/engine/init-gate) ${(parallel.wall / 1000).toFixed(2)}s`)
    console.log(`  speed-up: ${(serialized.wall / parallel.wall).toFixed(2)}x`)
    return { serialized: serialized.wall, parallel: parallel.wall }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await stacksInit(Number(process.argv[2] ?? 8), Number(process.argv[3] ?? 4))
