// @cdktn/hcl2json is CommonJS and finds its WebAssembly parser through
// `join(__dirname, '..', 'main.wasm.gz')` as soon as it is loaded. Inside the ESM
// bundle in dist/ there is no `__dirname`, so this module (imported before the
// parser) provides one that points next to the bundle, where the build copies
// main.wasm.gz. Under jest / plain node the CommonJS module has its own
// __dirname and this global is never consulted.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const bundleDir = dirname(fileURLToPath(import.meta.url))
const g = globalThis as { __dirname?: string }

/** Where the bundled parser expects main.wasm.gz (dist/main.wasm.gz). */
export const bundledWasmPath = join(bundleDir, 'main.wasm.gz')

if (g.__dirname === undefined && existsSync(bundledWasmPath)) {
  g.__dirname = join(bundleDir, 'hcl2json')
}
