#!/usr/bin/env node
// Makespan on the skewed DAG of bench/fleet.mjs: ours against Terragrunt
// (`run-all apply`) with the same parallelism, in the same run, next to the
// lower bound max(critical path, total work / workers) from our measured
// durations. Terragrunt is built on demand (bench/peers/build-terragrunt.sh).
//   node bench/peers.mjs [workers=4]   (or: npm run bench -- --peers)
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { listSchedule, lowerBound } from './bounds.mjs'
import { skewedFleet } from './fleet.mjs'
import { alternatedRounds, median } from './median.mjs'

const root = join(import.meta.dirname, '..')
const cli = join(root, 'dist', 'cli.js')
process.env.PATH = `${join(root, '.tools', 'bin')}:${process.env.PATH}`
const s = (ms) => `${(ms / 1000).toFixed(1)}s`
// Alternated rounds of Terragrunt and ours: single runs of ~29 s differ by more than the two tools do.
const ROUNDS = Number(process.env.BENCH_PEERS_ROUNDS ?? 3)

function ours(dir, workers) {
  for (const f of ['state', 'work']) rmSync(join(dir, '.tf-orchestrator', f), { recursive: true, force: true })
  const started = Date.now()
  const r = spawnSync(process.execPath, [cli, 'apply', '--all', '-w', dir, '--max-workers', String(workers)], { encoding: 'utf8' })
  const wall = Date.now() - started
  if (r.status !== 0) throw new Error(`orchestrator failed (${r.status}):\n${r.stdout}\n${r.stderr}`)
  const runs = join(dir, '.tf-orchestrator', 'runs')
  return { wall, summary: JSON.parse(readFileSync(join(runs, readdirSync(runs).sort().pop(), 'summary.json'), 'utf8')) }
}

/** The same stacks as Terragrunt units: the .tf files in place, a terragrunt.hcl with their dependencies. */
function terragruntUnits(dir, tgDir, deps) {
  for (const unit of readdirSync(join(dir, 'region'))) {
    mkdirSync(join(tgDir, unit), { recursive: true })
    cpSync(join(dir, 'region', unit, 'main.tf'), join(tgDir, unit, 'main.tf'))
    const paths = (deps[unit] ?? []).map((d) => `"../${d}"`).join(', ')
    writeFileSync(join(tgDir, unit, 'terragrunt.hcl'), paths ? `dependencies {\n  paths = [${paths}]\n}\n` : '')
  }
}

function terragrunt(bin, tgDir, workers) {
  // As in CI (a fresh checkout): no state, no .terraform, so Terragrunt's auto-init runs init as ours does every run.
  for (const unit of readdirSync(tgDir)) for (const f of ['terraform.tfstate', '.terraform']) rmSync(join(tgDir, unit, f), { recursive: true, force: true })
  const started = Date.now()
  const r = spawnSync(bin, ['run-all', 'apply', '--terragrunt-non-interactive', '--terragrunt-parallelism', String(workers), '--terragrunt-tfpath', 'tofu'], {
    cwd: tgDir,
    encoding: 'utf8',
    env: { ...process.env, TF_IN_AUTOMATION: '1' },
    maxBuffer: 64 << 20
  })
  const wall = Date.now() - started
  if (r.status !== 0) throw new Error(`terragrunt failed (${r.status}):\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`)
  return wall
}

export function peers(workers = 4) {
  const bin = execFileSync(join(import.meta.dirname, 'peers', 'build-terragrunt.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim()
  const dir = mkdtempSync(join(tmpdir(), 'tforch-bench-peers-'))
  try {
    const { deps } = skewedFleet(dir)
    const tgDir = join(dir, 'tg')
    terragruntUnits(dir, tgDir, deps)
    console.log(`\nPeers: the skewed DAG (40 stacks) with ${workers} at a time; ${execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()}`)
    // Warm both once (page cache, binaries); ours once without recorded durations; then rounds that
    // alternate Terragrunt and ours (with recorded durations), so a drift of the machine hits both: medians.
    terragrunt(bin, tgDir, workers)
    ours(dir, workers)
    rmSync(join(dir, '.tf-orchestrator', 'history.json'), { force: true })
    const first = ours(dir, workers)
    const [tgRuns, oursRuns] = alternatedRounds(ROUNDS, () => terragrunt(bin, tgDir, workers), () => ours(dir, workers))
    const tg = median(tgRuns)
    const warm = oursRuns.find((r) => r.wall === median(oursRuns.map((o) => o.wall)))
    console.log(`  rounds (terragrunt / ours, wall): ${tgRuns.map((t, i) => `${s(t)} / ${s(oursRuns[i].wall)}`).join(', ')}`)
    const measured = Object.fromEntries(warm.summary.deployments.map((d) => [d.id.split('/')[0], d.durationMs]))
    const depsById = Object.fromEntries(Object.keys(measured).map((id) => [id, deps[id] ?? []]))
    const lb = lowerBound(measured, depsById, workers)
    const ideal = listSchedule(measured, depsById, workers)
    const rows = [
      [`ours, recorded durations (wall, incl. node start; median of ${ROUNDS})`, warm.wall],
      ['ours, that run\'s makespan (summary)', warm.summary.durationMs],
      ['ours, first run, no recorded durations (wall)', first.wall],
      [`terragrunt run-all apply --terragrunt-parallelism ${workers} (wall; median of ${ROUNDS})`, tg],
      ['lower bound max(critical path, work / workers)', lb.bound],
      ['list schedule of the measured durations, no gaps', ideal]
    ]
    for (const [name, ms] of rows) console.log(`  ${name.padEnd(68)} ${s(ms)}`)
    console.log(`  ours vs lower bound: +${((warm.summary.durationMs / lb.bound - 1) * 100).toFixed(1)}% (target <= 3%); ours vs terragrunt: ${warm.wall <= tg ? `${((1 - warm.wall / tg) * 100).toFixed(1)}% faster` : `${((warm.wall / tg - 1) * 100).toFixed(1)}% slower`} (target: not slower)`)
    return { ours: warm.wall, oursMakespan: warm.summary.durationMs, terragrunt: tg, bound: lb.bound, met: warm.wall <= tg }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = peers(Number(process.argv[2] ?? 4))
  process.exitCode = r.met ? 0 : 1
}
