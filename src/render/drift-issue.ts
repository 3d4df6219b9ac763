// Issue bodies for drift: one issue per drifted deployment (found again by its
// marker) and one per run listing several. Plan texts arrive already redacted;
// nothing here redacts.
import type { PlanCounts } from '../terraform/plan-summary.js'
import { formatCounts } from '../terraform/plan-summary.js'
import { codeSpan, details, fencedBlock, htmlText } from './markdown.js'
import { trimUnchangedNoise } from './plan-noise.js'
import { cleanPlanText, resourceChangeLines } from './plan-text.js'
import { GITHUB_COMMENT_LIMIT } from './pr-comment.js'

/** One drifted deployment. */
export interface DriftedDeployment {
  id: string
  counts?: PlanCounts
  /** The redacted plan output that showed the drift. */
  planText: string
}

export interface DriftContext {
  runId: string
  /** ISO time the drift was detected. */
  detectedAt: string
  runUrl?: string
  artifactUrl?: string
  /** The per-run issue's stable key (one per working directory), found again by the next drift run. */
  markerKey?: string
}

/** `<!-- tf-orchestrator:drift deployment=<id> -->` (id URI-encoded). */
export function driftMarker(deploymentId: string): string {
  return `<!-- tf-orchestrator:drift deployment=${encodeURIComponent(deploymentId)} -->`
}

/** The deployment id in a drift issue's marker, or undefined. */
export function parseDriftMarker(body: string): string | undefined {
  const m = /<!--\s*tf-orchestrator:drift\s+deployment=(\S+)\s*-->/.exec(body)
  return m ? safeDecode(m[1] as string) : undefined
}

/** The run id in a per-run drift issue's marker, or undefined. */
export function parseDriftRunMarker(body: string): string | undefined {
  const m = /<!--\s*tf-orchestrator:drift-run\s+run=(\S+)\s*-->/.exec(body)
  return m ? safeDecode(m[1] as string) : undefined
}

/** github/io/drift-issues' MarkerMatch: `key` is a deployment id, or a run id for a per-run issue. */
export function driftMarkerMatches(body: string, key: string): boolean {
  return parseDriftMarker(body) === key || parseDriftRunMarker(body) === key
}

const safeDecode = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s)
  } catch {
    return undefined
  }
}

/** `<!-- tf-orchestrator:drift-run run=<runId> -->` for the per-run issue. */
export function driftRunMarker(runId: string): string {
  return `<!-- tf-orchestrator:drift-run run=${encodeURIComponent(runId)} -->`
}

const countsText = (c: PlanCounts | undefined): string => (c ? ` (${formatCounts(c)})` : '')
const runLink = (ctx: DriftContext): string => (ctx.runUrl ? `[run ${codeSpan(ctx.runId)}](${ctx.runUrl})` : `run ${codeSpan(ctx.runId)}`)

/**
 * The plan that fits `budget` characters: as is, then without unchanged noise,
 * then its change lines only, then cut with a note.
 */
export function fitPlan(text: string, budget: number): string {
  const clean = cleanPlanText(text)
  const candidates = [clean, trimUnchangedNoise(clean), resourceChangeLines(clean).join('\n')]
  const fitting = candidates.find((c) => c.length <= budget)
  if (fitting !== undefined) return fitting
  const note = '\n… (cut to fit the issue; the full redacted output is in the run artifact)'
  return (candidates[2] as string).slice(0, Math.max(0, budget - note.length)) + note
}

/** Title and body of the issue for one drifted deployment. */
export function renderDriftIssue(d: DriftedDeployment, ctx: DriftContext, limit = GITHUB_COMMENT_LIMIT): { title: string; body: string } {
  const head = [
    driftMarker(d.id),
    `### Drift detected in ${codeSpan(d.id)}${countsText(d.counts)}`,
    '',
    `Detected ${ctx.detectedAt} by ${runLink(ctx)}: the real infrastructure no longer matches the configuration.`,
    ...(ctx.artifactUrl ? ['', `Full redacted output: [artifact](${ctx.artifactUrl})`] : []),
    '',
    '#### Plan'
  ].join('\n')
  const budget = limit - head.length - 200 // room for the fence and newlines
  return { title: `Drift: ${d.id}`, body: `${head}\n\n${fencedBlock(fitPlan(d.planText, budget), 'text')}\n` }
}

/** Title and body of the per-run issue listing every drifted deployment. */
export function renderRunDriftIssue(drifted: readonly DriftedDeployment[], ctx: DriftContext, limit = GITHUB_COMMENT_LIMIT): { title: string; body: string } {
  const sorted = [...drifted].sort((a, b) => a.id.localeCompare(b.id))
  const head = [
    driftRunMarker(ctx.markerKey ?? ctx.runId),
    `### Drift detected in ${sorted.length} deployment${sorted.length === 1 ? '' : 's'}`,
    '',
    `Detected ${ctx.detectedAt} by ${runLink(ctx)}.`,
    ...(ctx.artifactUrl ? ['', `Full redacted output: [artifact](${ctx.artifactUrl})`] : []),
    '',
    ...sorted.map((d) => `- ${codeSpan(d.id)}${countsText(d.counts)}`)
  ].join('\n')
  // The list always fits first; plans share what is left, each in its own <details>.
  const perPlan = Math.floor((limit - head.length - 100) / Math.max(1, sorted.length)) - 200
  const plans = perPlan > 300 ? sorted.map((d) => details(`<code>${htmlText(d.id)}</code>${countsText(d.counts)}`, fencedBlock(fitPlan(d.planText, perPlan), 'text'))) : []
  const tail = plans.length ? ['', '#### Plans', '', plans.join('\n\n')] : ['', '_Plans left out to fit the issue; see the run artifact._']
  return { title: `Drift detected in ${sorted.length} deployment${sorted.length === 1 ? '' : 's'} (run ${ctx.runId})`, body: `${head}\n${tail.join('\n')}\n` }
}
