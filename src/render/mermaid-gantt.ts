// The run as a mermaid gantt: which worker ran which deployment, when, and its
// phases. At fleet scale bars become one per account/region so it stays legible.
import type { DeploymentResult, Phase, RunSummary } from '../model/run-result.js'
import { ganttText, MERMAID_MAX_TEXT, scopeFromId, type MermaidDiagram, type Scope } from './mermaid-text.js'
import { resultKind, worstKind, type ResultKind } from './result-kind.js'

export interface GanttInput {
  summary: RunSummary
  scopeOf?: (id: string) => Scope
}

/** phases: a bar per phase; deployments: a bar per deployment; scopes: a bar per account/region. */
export type GanttMode = 'phases' | 'deployments' | 'scopes'

export interface GanttOptions {
  mode?: GanttMode
  /** Most deployments drawn phase by phase (default 10). */
  phasesMax?: number
  /** Most deployments drawn one bar each (default 150). */
  deploymentsMax?: number
  maxChars?: number
}

const PHASES: readonly Phase[] = ['init', 'plan', 'show', 'policy', 'apply']
// crit is red, active is the highlighted blue, done is grey: problems stand out.
const TAG: Record<ResultKind, string> = { failed: 'crit, ', blocked: 'crit, ', skipped: 'done, ', changes: 'active, ', applied: '', 'no-changes': 'done, ' }

interface Bar {
  section: string
  name: string
  tag: string
  start: number
  end: number
}

/** Renders the gantt in the given mode, or the most detailed one that fits. */
export function renderMermaidGantt(input: GanttInput, options: GanttOptions = {}): MermaidDiagram {
  const started = input.summary.deployments.filter((r) => startOf(r) !== undefined)
  const n = started.length
  const modes: GanttMode[] = options.mode
    ? [options.mode]
    : (['phases', 'deployments', 'scopes'] as const).filter((m) => (m !== 'phases' || n <= (options.phasesMax ?? 10)) && (m !== 'deployments' || n <= (options.deploymentsMax ?? 150)))
  let last: MermaidDiagram | undefined
  for (const mode of modes) {
    const bars = mode === 'phases' ? phaseBars(started) : mode === 'deployments' ? deploymentBars(started) : scopeBars(started, input.scopeOf ?? scopeFromId)
    const text = ganttLines(input.summary, bars).join('\n')
    last = { text, mode, note: mode === 'scopes' ? `${n} deployments drawn as one bar per account and region (first start to last finish)` : undefined }
    if (text.length <= (options.maxChars ?? MERMAID_MAX_TEXT)) return last
  }
  return last as MermaidDiagram
}

function ganttLines(summary: RunSummary, bars: readonly Bar[]): string[] {
  const lines = ['gantt', `  title ${ganttText(`Run ${summary.runId}, ${summary.workers} workers`)}`, '  dateFormat x', '  axisFormat %H:%M:%S', '  todayMarker off']
  const sections = [...new Set(bars.map((b) => b.section))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  let t = 0
  for (const section of sections) {
    lines.push(`  section ${ganttText(section)}`)
    for (const b of bars.filter((x) => x.section === section).sort((x, y) => x.start - y.start)) {
      // At least 1 ms so zero-length phases still parse as a bar.
      lines.push(`    ${ganttText(b.name)} :${b.tag}t${t++}, ${b.start}, ${Math.max(b.end, b.start + 1)}`)
    }
  }
  return lines
}

const worker = (r: DeploymentResult): string => (r.workerId === undefined ? 'Worker ?' : `Worker ${r.workerId}`)

function startOf(r: DeploymentResult): number | undefined {
  const t = r.startedAt ? Date.parse(r.startedAt) : NaN
  return Number.isNaN(t) ? undefined : t
}

function deploymentBars(results: readonly DeploymentResult[]): Bar[] {
  return results.map((r) => {
    const start = startOf(r) as number
    return { section: worker(r), name: r.id, tag: TAG[resultKind(r)], start, end: start + r.durationMs }
  })
}

/** A phase without its own start time follows the one before it. */
function phaseBars(results: readonly DeploymentResult[]): Bar[] {
  const bars: Bar[] = []
  for (const r of results) {
    let cursor = startOf(r) as number
    for (const phase of PHASES) {
      const p = r.phases[phase]
      if (!p) continue
      const own = p.startedAt ? Date.parse(p.startedAt) : NaN
      const start = Number.isNaN(own) ? cursor : own
      const failedHere = r.status !== 'succeeded' && !PHASES.slice(PHASES.indexOf(phase) + 1).some((later) => r.phases[later])
      const tag = failedHere ? TAG[resultKind(r)] : phase === 'apply' ? '' : 'done, '
      bars.push({ section: worker(r), name: `${r.id} ${phase}${p.attempts > 1 ? ` (${p.attempts} attempts)` : ''}`, tag, start, end: start + p.durationMs })
      cursor = start + p.durationMs
    }
  }
  return bars
}

function scopeBars(results: readonly DeploymentResult[], scopeOf: (id: string) => Scope): Bar[] {
  const groups = new Map<string, DeploymentResult[]>()
  for (const r of results) {
    const s = scopeOf(r.id)
    const key = `${s.account}\u0000${s.region}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  return [...groups].map(([key, rs]) => {
    const [account, region] = key.split('\u0000') as [string, string]
    const start = Math.min(...rs.map((r) => startOf(r) as number))
    const end = Math.max(...rs.map((r) => (startOf(r) as number) + r.durationMs))
    const workers = new Set(rs.map((r) => r.workerId)).size
    return { section: account, name: `${region}, ${rs.length} deployments on ${workers} workers`, tag: TAG[worstKind(rs.map(resultKind))], start, end }
  })
}
