import { parseLogSections, phaseOutputs } from '../../src/audit/log-sections.js'
import { readPhaseOutputs } from '../../src/audit/io/phase-output-reader.js'
import { tempDir } from '../helpers/temp-dir.js'

// Written exactly as run-deployment.ts appends it: `\n=== <phase> (attempt N, exit C) ===\n<output>`.
const section = (phase: string, attempt: number, exit: number | null, output: string): string => `\n=== ${phase} (attempt ${attempt}, exit ${exit}) ===\n${output}`

const initOut = 'Initializing the backend...\n\nOpenTofu has been successfully initialized!\n'
const planFail = 'Error: Error acquiring the state lock\n'
const planOk = 'Plan: 2 to add, 0 to change, 0 to destroy.'
const applyOut = '=== not a header: user output ===\nApply complete! Resources: 2 added.\n\n'
const log = section('init', 1, 0, initOut) + section('plan', 1, 1, planFail) + section('plan', 2, 2, planOk) + section('apply', 1, null, applyOut)

describe('deployment log sections', () => {
  it('splits the log into sections with each output exactly as printed', () => {
    expect(parseLogSections(log)).toEqual([
      { phase: 'init', attempt: 1, exitCode: 0, output: initOut },
      { phase: 'plan', attempt: 1, exitCode: 1, output: planFail },
      { phase: 'plan', attempt: 2, exitCode: 2, output: planOk },
      { phase: 'apply', attempt: 1, exitCode: null, output: applyOut }
    ])
  })

  it('keeps an empty output empty', () => {
    expect(parseLogSections(section('init', 1, 0, '') + section('plan', 1, 0, 'x'))).toEqual([
      { phase: 'init', attempt: 1, exitCode: 0, output: '' },
      { phase: 'plan', attempt: 1, exitCode: 0, output: 'x' }
    ])
  })

  it('gives every phase its attempts in order under their headers', () => {
    const outputs = phaseOutputs(parseLogSections(log))
    expect(Object.keys(outputs)).toEqual(['init', 'plan', 'apply'])
    expect(outputs.plan).toBe(`=== plan (attempt 1, exit 1) ===\n${planFail}\n=== plan (attempt 2, exit 2) ===\n${planOk}`)
    expect(outputs.init).toBe(`=== init (attempt 1, exit 0) ===\n${initOut}`)
  })

  it('reads a log file, and nothing for a deployment without one', async () => {
    const t = tempDir({ 'logs/s3__a__r__p.log': log })
    try {
      const outputs = await readPhaseOutputs('s3/a/r/p', `${t.dir}/logs/s3__a__r__p.log`)
      expect(outputs.apply).toContain('Apply complete! Resources: 2 added.')
      expect(await readPhaseOutputs('s3/a/r/p', `${t.dir}/logs/missing.log`)).toEqual({})
      expect(await readPhaseOutputs('s3/a/r/p')).toEqual({})
    } finally {
      t.cleanup()
    }
  })
})
