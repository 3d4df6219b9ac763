import { progressLine } from '../render/progress-line.js'
import type { SelectedDeployment } from '../model/deployment.js'
import type { DeploymentResult, Phase } from '../model/run-result.js'
import { verdictSummary, type PolicyVerdict } from '../policy/verdict.js'

const policyNote = (v: PolicyVerdict): string | undefined => {
  const text = verdictSummary(v)
  return text === 'policy passed' ? undefined : text.replace(/^policy passed: /, '')
}

/** Receives the engine's state changes; prints one line per change. */
export interface ProgressReporter {
  begin(total: number): void
  started(d: SelectedDeployment, workerId: number): void
  phase(phase: Phase, r: DeploymentResult): void
  finished(r: DeploymentResult): void
  /** A line of the binary's own output (--debug). */
  output(id: string, line: string): void
}

/** Progress lines to a writer: `[3/12] s3/acct/us-east-1/proj plan ok +2 ~0 -0 (14.2s)`. */
export function lineReporter(write: (line: string) => void): ProgressReporter {
  let total = 0
  let next = 0
  const index = new Map<string, number>()
  const ordinal = (id: string): number => {
    if (!index.has(id)) index.set(id, ++next)
    return index.get(id) as number
  }
  const line = (id: string, what: string, extra: Partial<Parameters<typeof progressLine>[0]> = {}): void =>
    write(progressLine({ index: ordinal(id), total, id, what, ...extra }))
  return {
    begin: (n) => void (total = n),
    started: (d, workerId) => line(d.id, 'started', { note: `(worker ${workerId})` }),
    phase: (phase, r) => {
      const p = r.phases[phase]
      const note = phase === 'policy' && r.policy ? policyNote(r.policy) : undefined
      line(r.id, phase, { ok: true, counts: phase === 'plan' ? r.counts : undefined, durationMs: p?.durationMs, note })
    },
    finished: (r) => {
      if (r.status === 'succeeded') return line(r.id, 'done', { durationMs: r.durationMs, note: r.applied ? 'applied' : r.hasChanges ? 'has changes' : 'no changes' })
      if (r.status === 'skipped' || r.status === 'cancelled') return line(r.id, r.status, { note: r.error })
      line(r.id, r.status, { durationMs: r.durationMs, note: r.error })
    },
    output: (id, text) => write(`${id} | ${text}`)
  }
}
