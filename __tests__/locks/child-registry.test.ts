import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { liveLogFile, openChildRegistry, RUN_MARKER, type RunMarker } from '../../src/app/child-registry.js'
import { execCommand } from '../../src/terraform/io/executor.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('the child registry of a run', () => {
  const tmp = tempDir()
  afterAll(() => tmp.cleanup())
  const settings = { runDir: join(tmp.dir, 'runs', 'r1'), runId: 'r1', workDir: join(tmp.dir, 'work') }
  const marker = (): RunMarker => JSON.parse(readFileSync(join(settings.runDir, RUN_MARKER), 'utf8')) as RunMarker

  it('records the run from the start, each command\'s whole tree as it grows, and the finish', async () => {
    const registry = openChildRegistry(settings)
    expect(marker()).toMatchObject({ runId: 'r1', pid: process.pid, children: [] })
    expect(marker().finishedAt).toBeUndefined()
    const reported: number[][] = []
    const exec = registry.executor(execCommand)
    const env = { PATH: process.env.PATH as string, TF_DATA_DIR: join(settings.workDir, 'app', 'acct', 'east', 'proj') }
    // A grandchild started after a second: reported by the watch, not only at the start.
    const r = await exec('sh', ['-c', 'echo first line; sleep 1.2; sleep 7.31 & echo second line; sleep 1.5; kill $!'], {
      cwd: tmp.dir,
      env,
      onChildPids: (pids) => void reported.push(pids)
    })
    expect(r.exitCode).toBe(0)
    const children = marker().children
    expect(children.some((c) => /\bsh -c echo first line/.test(c.command) && c.deployment === 'app/acct/east/proj')).toBe(true)
    expect(children.some((c) => c.command === 'sleep 7.31' && c.deployment === 'app/acct/east/proj' && /^\d+$/.test(c.startTime ?? ''))).toBe(true)
    // The caller's own callback still hears every report.
    expect(reported.length).toBeGreaterThanOrEqual(2)
    expect(readFileSync(liveLogFile(settings.runDir, 'app/acct/east/proj'), 'utf8')).toBe('first line\nsecond line\n')
    registry.close()
    expect(marker().finishedAt).toEqual(expect.any(String))
  })

  it('keeps the output of a command whose stdout is data (show -json, state pull) out of the live log', async () => {
    const runDir = join(tmp.dir, 'runs', 'r2')
    const registry = openChildRegistry({ ...settings, runDir })
    const env = { PATH: process.env.PATH as string, TF_DATA_DIR: join(settings.workDir, 'db', 'acct', 'east', 'proj') }
    const exec = registry.executor(execCommand)
    const data = await exec('sh', ['-c', 'echo \'{"secret":"value"}\''], { cwd: tmp.dir, env, stdoutIsData: true })
    expect(data.stdout).toBe('{"secret":"value"}\n')
    expect(existsSync(liveLogFile(runDir, 'db/acct/east/proj'))).toBe(false)
    await exec('sh', ['-c', 'echo Plan: 1 to add'], { cwd: tmp.dir, env })
    expect(readFileSync(liveLogFile(runDir, 'db/acct/east/proj'), 'utf8')).toBe('Plan: 1 to add\n')
    registry.close()
  })

  it('adds each child in place, keeping children.json whole JSON after every addition', async () => {
    const registry = openChildRegistry({ ...settings, runDir: join(tmp.dir, 'runs', 'r3') })
    const read = (): RunMarker => JSON.parse(readFileSync(join(tmp.dir, 'runs', 'r3', RUN_MARKER), 'utf8')) as RunMarker
    const exec = registry.executor(execCommand)
    const env = { PATH: process.env.PATH as string, TF_DATA_DIR: join(settings.workDir, 'q', 'acct', 'east', 'proj') }
    const pids: number[] = []
    for (let i = 0; i < 5; i++) {
      await exec('sh', ['-c', `echo run ${i}`], { cwd: tmp.dir, env, onChildPids: (p) => void pids.push(...p) })
      // Every quick command is recorded at its start, with the deployment.
      expect(read().children.filter((c) => c.deployment === 'q/acct/east/proj').map((c) => c.pid)).toEqual(pids)
    }
    const mine = read().children.filter((c) => c.deployment)
    expect(mine.every((c) => /^\d+$/.test(c.startTime ?? '') && /^sh -c echo run \d$/.test(c.command))).toBe(true)
    expect(readFileSync(liveLogFile(join(tmp.dir, 'runs', 'r3'), 'q/acct/east/proj'), 'utf8')).toBe('run 0\nrun 1\nrun 2\nrun 3\nrun 4\n')
    registry.close()
    expect(read()).toMatchObject({ runId: 'r1', finishedAt: expect.any(String) })
    expect(read().children.filter((c) => c.deployment).map((c) => c.pid)).toEqual(pids)
    // A process recorded after the end does not break the finished marker.
    registry.track(process.pid)
    expect(read().finishedAt).toEqual(expect.any(String))
  })
})
