#!/usr/bin/env node
// Provider plugin cache: the time of `tofu init` for one root module with a cold
// cache (the provider is installed from its source, here a filesystem mirror) against
// a restored cache (what the action restores with @actions/cache before the first
// init; the source's package is broken, so nothing can be installed from it).
//   node bench/plugin-cache.mjs            (BENCH_ROUNDS=3, BENCH_PROVIDER_MB=300)
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { randomBytes } from 'node:crypto'
import { crc32 } from 'node:zlib'
import { join } from 'node:path'
import { median } from './median.mjs'

const root = join(import.meta.dirname, '..')
const tofu = join(root, '.tools', 'bin', 'tofu')
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const PROVIDER_MB = Number(process.env.BENCH_PROVIDER_MB ?? 300)
const ROOT_MODULE = `terraform {\n  backend "local" {}\n  required_providers {\n    dummy = { source = "example/dummy", version = "1.0.0" }\n    big   = { source = "example/big", version = "1.0.0" }\n  }\n}\n`

const tmp = mkdtempSync(join(tmpdir(), 'tforch-bench-cache-'))
const mirror = join(tmp, 'mirror')
const dummyDir = join(mirror, 'registry.opentofu.org/example/dummy')
const bigDir = join(mirror, 'registry.opentofu.org/example/big')
const cliConfig = join(tmp, 'cli.tfrc')
writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["example/*"]\n  }\n}\n`)
const module = join(tmp, 'module')
mkdirSync(module)
writeFileSync(join(module, 'main.tf'), ROOT_MODULE)

/** One init in a fresh data folder; milliseconds. */
function init(cache, label) {
  const dataDir = mkdtempSync(join(tmp, 'data-'))
  const env = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_PLUGIN_CACHE_DIR: cache, TF_DATA_DIR: dataDir, TF_IN_AUTOMATION: '1' }
  const started = process.hrtime.bigint()
  const r = spawnSync(tofu, ['init', '-input=false', '-no-color'], { cwd: module, env, encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (r.status !== 0) throw new Error(`${label} init failed:\n${r.stdout}\n${r.stderr}`)
  rmSync(dataDir, { recursive: true, force: true })
  return ms
}

/**
 * A packed-mirror provider `example/big` of `mb` MB (stored zip, random bytes): the
 * size of a large provider such as hashicorp/aws unpacked (~600 MB) is what a cold
 * init pays to unpack into the cache, and on a runner also to download.
 */
function bigProvider(dir, mb) {
  const platform = `${process.platform}_${{ x64: 'amd64', arm64: 'arm64' }[process.arch] ?? process.arch}`
  const name = Buffer.from('terraform-provider-big_v1.0.0')
  const data = randomBytes(mb * 1024 * 1024)
  const crc = crc32(data)
  const header = (central) => {
    const b = Buffer.alloc(central ? 46 : 30)
    let o = 0
    const u32 = (v) => (o = b.writeUInt32LE(v >>> 0, o))
    const u16 = (v) => (o = b.writeUInt16LE(v, o))
    u32(central ? 0x02014b50 : 0x04034b50)
    if (central) u16(0x031e) // made by unix, so the mode below counts
    u16(20), u16(0), u16(0), u16(0), u16(0x21)
    u32(crc), u32(data.length), u32(data.length), u16(name.length), u16(0)
    if (central) u16(0), u16(0), u16(0), u32(0o100755 << 16), u32(0)
    return Buffer.concat([b, name])
  }
  const local = header(false)
  const centralDir = header(true)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0), end.writeUInt16LE(1, 8), end.writeUInt16LE(1, 10)
  end.writeUInt32LE(centralDir.length, 12), end.writeUInt32LE(local.length + data.length, 16)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `terraform-provider-big_1.0.0_${platform}.zip`), Buffer.concat([local, data, centralDir, end]))
}

try {
  // The lock file a repository commits (the action's cache key hashes it).
  cpSync(join(root, '__tests__/data/provider-mirror'), mirror, { recursive: true })
  bigProvider(join(tmp, 'big'), PROVIDER_MB)
  cpSync(join(tmp, 'big'), bigDir, { recursive: true })
  mkdirSync(join(tmp, 'lock-cache'))
  init(join(tmp, 'lock-cache'), 'lock')
  rmSync(join(tmp, 'lock-cache'), { recursive: true, force: true })
  const lock = readFileSync(join(module, '.terraform.lock.hcl'), 'utf8')
  const cold = []
  const restored = []
  for (let round = 0; round < ROUNDS; round++) {
    cpSync(join(root, '__tests__/data/provider-mirror'), mirror, { recursive: true })
    cpSync(join(tmp, 'big'), bigDir, { recursive: true })
    writeFileSync(join(module, '.terraform.lock.hcl'), lock)
    const cache = join(tmp, `cache-${round}`)
    mkdirSync(cache)
    cold.push(init(cache, 'cold'))
    // init still lists the source's versions; an empty package proves nothing is installed from it.
    for (const dir of [dummyDir, bigDir]) for (const zip of readdirSync(dir).filter((f) => f.endsWith('.zip'))) writeFileSync(join(dir, zip), '')
    restored.push(init(cache, 'restored'))
    rmSync(cache, { recursive: true, force: true })
  }
  const [c, r] = [median(cold), median(restored)]
  console.log(`tofu init, one root module, providers example/dummy + example/big (${PROVIDER_MB} MB) (median of ${ROUNDS}):`)
  console.log(`  cold cache (installed from the mirror): ${c.toFixed(0)} ms  [${cold.map((x) => x.toFixed(0)).join(', ')}]`)
  console.log(`  restored cache (nothing installed):      ${r.toFixed(0)} ms  [${restored.map((x) => x.toFixed(0)).join(', ')}]`)
  console.log(`  restored is ${(c - r).toFixed(0)} ms (${(((c - r) / c) * 100).toFixed(0)} %) faster`)
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
