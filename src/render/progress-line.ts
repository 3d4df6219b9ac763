import { formatCounts, type PlanCounts } from '../terraform/plan-summary.js'

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`

export interface ProgressEvent {
  /** The deployment's ordinal in start order, and how many there are. */
  index: number
  total: number
  id: string
  what: string
  ok?: boolean
  counts?: PlanCounts
  durationMs?: number
  note?: string
}

/** `[3/12] s3/acct-a/us-east-1/proj plan ok +2 ~0 -0 (14.2s)` */
export function progressLine(e: ProgressEvent): string {
  const parts = [`[${e.index}/${e.total}]`, e.id, e.what]
  if (e.ok !== undefined) parts.push(e.ok ? 'ok' : 'FAILED')
  if (e.counts) parts.push(formatCounts(e.counts))
  if (e.durationMs !== undefined) parts.push(`(${seconds(e.durationMs)})`)
  if (e.note) parts.push(e.ok === false ? `: ${e.note}` : e.note)
  return parts.join(' ').replace(' : ', ': ')
}
