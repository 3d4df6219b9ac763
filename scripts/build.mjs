// Bundles the entry points with @vercel/ncc: dist/index.js (the action),
// dist/post.js (its post step) and dist/cli.js (the CLI), and copies the HCL parser's WebAssembly next to them.
// ncc names every bundle index.js, so each is built in memory and written under
// its own name; any extra asset two bundles share must be byte-identical.
import ncc from '@vercel/ncc'
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { tmpdir } from 'node:os'

const root = join(dirname(new URL(import.meta.url).pathname), '..')
// BUILD_OUT builds elsewhere (a benchmark of work in progress); CI and the committed bundle use dist/.
const dist = process.env.BUILD_OUT ?? join(root, 'dist')
const allEntries = { index: 'src/index.ts', cli: 'src/cli.ts', post: 'src/post.ts' }
// BUILD_ONLY=cli builds one bundle (with BUILD_OUT, to measure work in progress quickly).
const entries = process.env.BUILD_ONLY ? { [process.env.BUILD_ONLY]: allEntries[process.env.BUILD_ONLY] } : allEntries
// ncc names every bundle's code-split chunks <id>.index.js, and two bundles may
// give one id to different chunks: the other bundles' chunks get their own suffix.
const CHUNK_NAME = 'return "" + chunkId + ".index.js";'

rmSync(dist, { recursive: true, force: true })
mkdirSync(dist, { recursive: true })

const written = new Map()
for (const [name, entry] of Object.entries(entries)) {
  const { code, assets } = await ncc(join(root, entry), {
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    quiet: true,
    target: 'es2022'
  })
  const own = (text) => (name === 'index' ? text : text.replaceAll(CHUNK_NAME, `return "" + chunkId + ".${name}.js";`))
  const renamed = own(code)
  if (name !== 'index' && renamed === code && Object.keys(assets).some((f) => /^\d+\.index\.js$/.test(f)))
    throw new Error(`build: ${name} has chunks but no chunk-name function to rename them`)
  write(`${name}.js`, name === 'cli' ? `#!/usr/bin/env node\n${renamed}` : renamed)
  for (const [file, asset] of Object.entries(assets)) {
    write(name === 'index' ? file : file.replace(/^(\d+)\.index\.js$/, `$1.${name}.js`), asset.source)
  }
}

// @cdktn/hcl2json loads main.wasm.gz at run time; ncc does not carry it.
const require = createRequire(import.meta.url)
const hclPackage = dirname(require.resolve('@cdktn/hcl2json/package.json'))
copyFileSync(join(hclPackage, 'main.wasm.gz'), join(dist, 'main.wasm.gz'))

// The JSON Schema of .tf-orchestrator.yml for editors, generated from the one zod schema.
const { code: schemaCode } = await ncc(join(root, 'src/config/schema.ts'), { minify: false, sourceMap: false, quiet: true, target: 'es2022' })
const schemaModule = join(tmpdir(), `tforch-schema-${process.pid}.mjs`)
const schemaOut = process.env.BUILD_OUT ? join(dist, 'schema') : join(root, 'schema')
writeFileSync(schemaModule, schemaCode)
try {
  const { configSchema } = await import(schemaModule)
  const { z } = await import('zod')
  const jsonSchema = {
    ...z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'tf-orchestrator configuration (.tf-orchestrator.yml)'
  }
  mkdirSync(schemaOut, { recursive: true })
  writeFileSync(join(schemaOut, 'tf-orchestrator.schema.json'), `${JSON.stringify(jsonSchema, null, 2)}\n`)
} finally {
  rmSync(schemaModule, { force: true })
}

console.log(`dist/: ${readdirSync(dist).sort().join(', ')}; schema/tf-orchestrator.schema.json`)

function write(file, source) {
  const content = Buffer.isBuffer(source) ? source : Buffer.from(String(source))
  const previous = written.get(file)
  if (previous && !previous.equals(content)) {
    if (file === 'licenses.txt') {
      // Both bundles list licenses; keep the union.
      const merged = Buffer.from(mergeLicenses(previous.toString(), content.toString()))
      written.set(file, merged)
      writeFileSync(join(dist, file), merged)
      return
    }
    throw new Error(`build: two bundles emit different ${file}; rename the asset`)
  }
  written.set(file, content)
  mkdirSync(dirname(join(dist, file)), { recursive: true })
  writeFileSync(join(dist, file), content)
}

function mergeLicenses(a, b) {
  const blocks = new Set([...a.split('\n\n'), ...b.split('\n\n')].filter(Boolean))
  return [...blocks].sort().join('\n\n') + '\n'
}
