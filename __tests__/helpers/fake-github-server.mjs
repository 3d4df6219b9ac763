// Runs the fake GitHub REST API in its own process (for act runs, where the test's own
// event loop is blocked): transpiles the fake-github*.ts helpers with TypeScript into a
// temporary folder, starts the server and prints one line `{"url": "http://127.0.0.1:PORT"}`.
// Drive it over HTTP with the /_fake/ routes (see fake-github-control.ts). Stops on SIGTERM/SIGINT.
//   node __tests__/helpers/fake-github-server.mjs [--require-token TOKEN]
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'

const here = dirname(fileURLToPath(import.meta.url))
const out = mkdtempSync(join(tmpdir(), 'fake-github-'))
writeFileSync(join(out, 'package.json'), '{"type":"module"}')
for (const file of readdirSync(here).filter((f) => /^fake-github.*\.ts$/.test(f))) {
  const { outputText } = ts.transpileModule(readFileSync(join(here, file), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 }
  })
  writeFileSync(join(out, file.replace(/\.ts$/, '.js')), outputText)
}

const { startFakeGitHub } = await import(pathToFileURL(join(out, 'fake-github.js')).href)
const tokenAt = process.argv.indexOf('--require-token')
const fake = await startFakeGitHub(tokenAt > 0 ? { requireToken: process.argv[tokenAt + 1] } : {})
process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`)

const stop = async () => {
  await fake.stop()
  rmSync(out, { recursive: true, force: true })
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
