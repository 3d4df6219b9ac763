import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { standardObservers } from '../../src/app/standard-observers.js'
import { defaultConfig } from '../../src/config/parse-config.js'
import type { RunSettings } from '../../src/engine/run-settings.js'
import { totalsOf } from '../../src/model/run-totals.js'
import { deployment, resultOf, runStart, summaryOf } from '../audit/fixtures.js'
import { MemoryObjectStore } from '../audit/memory-object-store.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('the standard observers', () => {
  it('append one EMF line per finished deployment to the run folder, in order, each there once its event is done', async () => {
    const tmp = tempDir()
    try {
      const runId = '20261105T080000000Z-0a0b0c'
      const started = new Date('2026-11-05T08:00:00.000Z')
      const runDir = join(tmp.dir, 'runs', runId)
      const settings = { runDir, runId, historyFile: join(tmp.dir, 'history.json'), env: {} } as unknown as RunSettings
      const printed: string[] = []
      const observers = standardObservers({ settings, config: { ...defaultConfig(), metrics: 'emf' }, history: {}, objects: new MemoryObjectStore(), warn: () => undefined, metrics: { line: (l) => void printed.push(l) } })
      const ds = [deployment('kms', 'acme-dev', 'us-east-1', 'keys'), deployment('s3', 'acme-dev', 'us-east-1', 'data'), deployment('sqs', 'acme-prd', 'eu-west-1', 'q')]
      const start = { ...runStart(runId, 'apply', ds, started), settings: { ...runStart(runId, 'apply', ds, started).settings, runDir } }
      for (const o of observers) await o.runStarted?.(start)
      const results = ds.map((d, i) => resultOf(d, { status: 'succeeded', startedAt: started.toISOString(), durationMs: 1000 * (i + 1) }))
      const metricsFile = join(runDir, 'metrics.jsonl')
      for (const [i, r] of results.entries()) {
        for (const o of observers) await o.deploymentFinished?.(r)
        expect(readFileSync(metricsFile, 'utf8').trim().split('\n')).toHaveLength(i + 1)
      }
      for (const o of observers) await o.runFinished?.(summaryOf(runId, 'apply', results, started, totalsOf(results, 'apply')))
      const lines = readFileSync(metricsFile, 'utf8').trim().split('\n')
      expect(lines.map((l) => (JSON.parse(l) as { DeploymentId: string }).DeploymentId)).toEqual(ds.map((d) => d.id))
      expect(printed).toEqual(lines)
    } finally {
      tmp.cleanup()
    }
  })
})
