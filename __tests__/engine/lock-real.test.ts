import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { UnfinishedRun } from '../../src/locks/unfinished-report.js'
import type { RunSummary } from '../../src/model/run-result.js'
import { compileFixture } from '../locks/helpers/compile-fixture.js'
import { wiredRun } from '../locks/fixtures/wired-run.js'
import { processesMatching, stackModule } from '../helpers/stacks.js'
import { tempDir } from '../helpers/temp-dir.js'

const id = 'app/default/east/default'
const stateDir = (dir: string): string => join(dir, '.tf-orchestrator/state/app/default/east/default')
const statePath = (dir: string): string => join(stateDir(dir), 'terraform.tfstate')
const backendLock = (dir: string): string => join(stateDir(dir), '.terraform.tfstate.lock.info')
const runLock = (dir: string): string => join(dir, '.tf-orchestrator/state/locks/app/default/east/default.json')
const addresses = (dir: string): string[] =>
  (JSON.parse(readFileSync(statePath(dir), 'utf8')) as { resources: { type: string; name: string }[] }).resources.map((r) => `${r.type}.${r.name}`).sort()
const until = async (what: () => boolean, ms = 60_000): Promise<void> => {
  for (const end = Date.now() + ms; !what() && Date.now() < end; ) await sleep(100)
  expect(what()).toBe(true)
}

let script = ''
let compiledDir = ''
beforeAll(() => {
  ;({ script, dir: compiledDir } = compileFixture('__tests__/locks/fixtures/child-run.ts'))
})
afterAll(() => rmSync(compiledDir, { recursive: true, force: true }))

interface Child {
  pid: number
  stderr: () => string
  done: Promise<{ code: number | null; signal: string | null; result?: { unfinished: UnfinishedRun[]; summary: RunSummary } }>
}
/** A whole run (child-run.ts) in a process of its own. */
function startRun(args: string[]): Child {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (err += d))
  const done = new Promise<Awaited<Child['done']>>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, result: code === 0 ? JSON.parse(out.trim().split('\n').pop() as string) : undefined }))
  )
  return { pid: child.pid as number, stderr: () => err, done }
}

/** Stage one: an applied state holding terraform_data.item; then `made` and a wedged provisioner after it. */
const base = 'terraform {\n  backend "local" {}\n}\nresource "terraform_data" "item" {\n  input = "item"\n}\n'
const wedged = (command: string): string =>
  `${base}resource "terraform_data" "made" {\n  input = "made"\n}\nresource "terraform_data" "wedge" {\n  depends_on = [terraform_data.made]\n` +
  `  provisioner "local-exec" {\n    command     = ${JSON.stringify(command)}\n    interpreter = ["/bin/sh", "-c"]\n  }\n}\n`

describe('runs of one deployment at once, with the real binary', () => {
  it('two processes: the second waits for the first run lock, then plans from the state the first applied', async () => {
    const goDir = mkdtempSync(join(tmpdir(), 'tforch-go-'))
    const go = join(goDir, 'go')
    const tmp = tempDir({ 'east/app/main.tf': stackModule({ command: `while [ ! -f '${go}' ]; do sleep 0.1; done` }) })
    try {
      const first = startRun([tmp.dir, 'apply'])
      await until(() => existsSync(runLock(tmp.dir)))
      const second = startRun([tmp.dir, 'apply'])
      // The first holds the lock until `go`; the second is at its lock step by then.
      await until(() => second.stderr().includes(`deployment started ${id}`))
      await sleep(1000)
      const released = new Date().toISOString()
      writeFileSync(go, '')
      const [a, b] = await Promise.all([first.done, second.done])
      expect([a.code, b.code]).toEqual([0, 0])
      expect(a.result?.summary.deployments[0]).toMatchObject({ status: 'succeeded', applied: true, counts: { create: 2 }, lock: { released: true } })
      const later = b.result?.summary.deployments[0]
      expect(later).toMatchObject({ status: 'succeeded', hasChanges: false, lock: { released: true } })
      expect(later?.applied).toBeUndefined()
      expect(later?.lock?.waitedMs).toBeGreaterThanOrEqual(900)
      expect((later?.lock?.acquiredAt ?? '') > released).toBe(true)
      expect(addresses(tmp.dir)).toEqual(['terraform_data.item', 'terraform_data.step'])
      expect(existsSync(runLock(tmp.dir))).toBe(false)
    } finally {
      rmSync(goDir, { recursive: true, force: true })
      tmp.cleanup()
    }
  })

  it.each([
    ['intact', ''],
    ['emptied mid-write', ': > STATE;']
  ])('a wedged apply killed after its grace period leaves the state readable (%s) and no stale lock', async (variant, corrupt) => {
    const tmp = tempDir({ 'east/app/main.tf': base })
    try {
      expect((await wiredRun(tmp.dir, { command: 'apply' })).summary.totals.succeeded).toBe(1)
      // OpenTofu 1.11 kills a provisioner that ignores SIGINT, so that alone does not wedge it: this one
      // also freezes OpenTofu (its parent), which then cannot answer SIGINT and is killed after the grace period.
      const command = `trap '' INT TERM; ${corrupt.replace('STATE', `'${statePath(tmp.dir)}'`)} kill -STOP $PPID; exec sleep 293`
      tmp.write('east/app/main.tf', wedged(command))
      const [killed] = (await wiredRun(tmp.dir, { command: 'apply', timeoutMinutes: '0.15', graceSeconds: '2' })).summary.deployments
      expect(killed).toMatchObject({ status: 'timed-out', backup: { status: 'backed-up' }, lock: { released: true } })
      expect(processesMatching('sleep 293')).toEqual([])
      expect(existsSync(backendLock(tmp.dir))).toBe(false)
      if (variant === 'intact') {
        // OpenTofu had not saved the state since it created `made`: the file is intact, `made` is in no state.
        expect(killed?.stateCheck).toEqual({
          status: 'ok',
          releasedLock: 'app/default/east/default/.terraform.tfstate.lock.info',
          createdSinceBackup: ['terraform_data.made']
        })
        expect(addresses(tmp.dir)).toEqual(['terraform_data.item'])
      } else {
        expect(killed?.stateCheck).toEqual({
          status: 'restored',
          problem: 'it is empty (0 bytes)',
          restoredFrom: killed?.backup?.key,
          releasedLock: 'app/default/east/default/.terraform.tfstate.lock.info',
          createdSinceBackup: ['terraform_data.made']
        })
        expect(addresses(tmp.dir)).toEqual(['terraform_data.item'])
      }
      // Readable and unlocked: the next plan works from it.
      const [next] = (await wiredRun(tmp.dir, { command: 'plan' })).summary.deployments
      expect(next).toMatchObject({ status: 'succeeded', hasChanges: true })
    } finally {
      tmp.cleanup()
    }
  })

  it('a run killed with SIGKILL leaves its marker; the next run reports it, stops its orphans and releases its lock', async () => {
    const tmp = tempDir({ 'east/app/main.tf': base })
    const mark = join(tmp.dir, 'provisioner-started')
    try {
      expect((await wiredRun(tmp.dir, { command: 'apply' })).summary.totals.succeeded).toBe(1)
      tmp.write('east/app/main.tf', wedged(`touch '${mark}'; trap '' INT TERM; exec sleep 297`))
      const dead = startRun([tmp.dir, 'apply'])
      await until(() => existsSync(mark))
      const runId = /started (\S+)/.exec(dead.stderr())?.[1] as string
      const runDir = join(tmp.dir, '.tf-orchestrator/runs', runId)
      const recorded = (): { command: string }[] => JSON.parse(readFileSync(join(runDir, 'children.json'), 'utf8')).children
      await until(() => recorded().some((c) => c.command.includes('sleep 297')), 10_000)
      process.kill(dead.pid, 'SIGKILL')
      expect((await dead.done).signal).toBe('SIGKILL')
      // What a dead run leaves: no summary, its orphans still running, its lock still held.
      expect(readdirSync(runDir)).not.toContain('summary.json')
      expect(processesMatching('sleep 297')).not.toEqual([])
      expect(JSON.parse(readFileSync(runLock(tmp.dir), 'utf8')).owner).toMatchObject({ runId, pid: dead.pid })

      const { unfinished, summary } = await wiredRun(tmp.dir, { command: 'plan', graceSeconds: '2' })
      expect(unfinished).toHaveLength(1)
      expect(unfinished[0]).toMatchObject({ runId, pid: dead.pid, released: [`locks/${id}.json`], states: [{ deployment: id, check: { status: 'ok' } }] })
      expect(unfinished[0]?.stopped.map((s) => s.command)).toEqual(expect.arrayContaining([expect.stringContaining('sleep 297'), expect.stringMatching(/tofu apply/)]))
      expect(processesMatching('sleep 297')).toEqual([])
      // The lock was released, not taken over; the state the orphan wrote is readable.
      expect(summary.deployments[0]).toMatchObject({ status: 'succeeded', hasChanges: true })
      expect(summary.deployments[0]?.lock?.takenOverFrom).toBeUndefined()
      expect(addresses(tmp.dir)).toContain('terraform_data.item')
      // Reported once.
      expect((await wiredRun(tmp.dir, { command: 'plan' })).unfinished).toEqual([])
    } finally {
      tmp.cleanup()
    }
  })
})
