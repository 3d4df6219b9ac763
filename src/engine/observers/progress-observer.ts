import { verdictSummary, type PolicyVerdict } from '../../policy/verdict.js'
import { progressLine } from '../../render/progress-line.js'
import type { RunObserver } from '../run-observer.js'

const policyNote = (v: PolicyVerdict): string | undefined => {
  const text = verdictSummary(v)
  return text === 'policy passed' ? undefined : text.replace(/^policy passed: /, '')
}

/** Progress lines to a writer, one per state change: `[3/12] s3/acct/us-east-1/proj plan ok +2 ~0 -0 (14.2s)`. */
export function progressObserver(write: (line: string) => void): RunObserver {
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
    name: 'progress',
    runStarted: (run) => void (total = run.deployments.length),
    deploymentStarted: (d, workerId) => line(d.id, 'started', { note: `(worker ${workerId})` }),
    phaseFinished: (phase, r) => {
      // The plan line waits for show -json, which knows the counts.
      if (phase === 'plan') return
      if (phase === 'show') return line(r.id, 'plan', { ok: true, counts: r.counts, durationMs: r.phases.plan?.durationMs })
      const p = r.phases[phase]
      const note = phase === 'policy' && r.policy ? policyNote(r.policy) : undefined
      line(r.id, phase, { ok: true, durationMs: p?.durationMs, note })
    },
    deploymentFinished: (r) => {
      if (r.status === 'succeeded') return line(r.id, 'done', { durationMs: r.durationMs, note: r.applied ? 'applied' : r.hasChanges ? 'has changes' : 'no changes' })
      if (r.status === 'skipped' || r.status === 'cancelled') return line(r.id, r.status, { note: r.error })
      line(r.id, r.status, { durationMs: r.durationMs, note: r.error })
    },
    outputLine: (id, text) => write(`${id} | ${text}`)
  }
}
