// The PR comment: one per pull request and working directory, under GitHub's
// comment limit. Plan texts arrive already redacted; nothing here redacts.
import type { DeploymentResult, RunSummary } from '../model/run-result.js'
import { formatCounts } from '../terraform/plan-summary.js'
import { buildCommentMarker } from './comment-marker.js'
import { deploymentTable, rowOrder } from './deployment-table.js'
import { codeSpan, details, fencedBlock, htmlText } from './markdown.js'
import { trimUnchangedNoise } from './plan-noise.js'
import { cleanPlanText, resourceChangeLines } from './plan-text.js'
import { resultKind, statusText } from './result-kind.js'
import { cappedList, headline, levelsList, policyNotes } from './run-sections.js'

/** GitHub rejects issue and PR comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536

export interface PrCommentInput {
  summary: RunSummary
  /** Deployment id -> its redacted plan output (colours are removed here). */
  planTexts: ReadonlyMap<string, string>
  workingDir: string
  /** GitHub Actions run id and attempt, recorded in the marker. */
  githubRun?: { id: number; attempt?: number }
  links?: { jobSummary?: string; artifact?: string }
  /** Run-level warnings (discovery, configuration), already redacted. */
  warnings?: readonly string[]
}

export interface PrComment {
  body: string
  /** What was left out to fit, in the order it was cut (empty when nothing was). */
  cut: string[]
}

type BodyForm = 'full' | 'trimmed' | 'lines' | 'none'
interface Shape {
  form: Map<string, BodyForm>
  levelIds: boolean
  maxRows: number
}

const MAX_NOTES = 50

/**
 * Renders the comment, shrinking in a fixed order until it fits `limit`: trim
 * unchanged-attribute noise, drop plan bodies of deployments without changes,
 * shorten the others to their resource change lines, drop all bodies, show the
 * levels as counts, and only then leave out table rows. Each cut is named.
 */
export function renderPrComment(input: PrCommentInput, limit = GITHUB_COMMENT_LIMIT): PrComment {
  const rows = rowOrder(input.summary.deployments)
  const withPlan = rows.filter((r) => input.planTexts.has(r.id))
  const clean = new Map(withPlan.map((r) => [r.id, cleanPlanText(input.planTexts.get(r.id) as string)]))
  const shape: Shape = { form: new Map(withPlan.map((r) => [r.id, 'full'])), levelIds: true, maxRows: rows.length }
  const cut: string[] = []
  const trimmed = new Map<string, string>() // trimming MBs of text once, not once per attempt
  const text = (id: string, form: BodyForm): string => {
    const full = clean.get(id) ?? ''
    if (form === 'full') return full
    if (form === 'lines') return resourceChangeLines(full).join('\n')
    if (!trimmed.has(id)) trimmed.set(id, trimUnchangedNoise(full))
    return trimmed.get(id) as string
  }
  const render = (): string => renderBody(input, rows, text, shape, cut)

  const setForm = (pick: (r: DeploymentResult) => boolean, form: BodyForm): void => {
    for (const r of withPlan) if (pick(r)) shape.form.set(r.id, form)
  }
  const unchanged = (r: DeploymentResult): boolean => resultKind(r) === 'no-changes'
  const steps: [string, () => boolean][] = [
    ['unchanged attributes, context blocks and refresh lines trimmed from plan output', () => (setForm(() => true, 'trimmed'), withPlan.length > 0)],
    ['plan output of deployments without changes left out', () => (setForm(unchanged, 'none'), withPlan.some(unchanged))],
    ['plan output shortened to the resource change lines', () => (setForm((r) => !unchanged(r), 'lines'), withPlan.some((r) => !unchanged(r)))],
    ['all plan output left out', () => (setForm(() => true, 'none'), withPlan.length > 0)],
    ['execution levels shown as counts', () => ((shape.levelIds = false), input.summary.executionLevels.length > 0)]
  ]
  let body = render()
  for (const [note, apply] of steps) {
    if (body.length <= limit) return { body, cut }
    if (apply()) cut.push(note)
    body = render()
  }
  if (body.length <= limit) return { body, cut }
  // Last resort: fewest rows left out (problems and changes come first, so they stay).
  let lo = 0
  let hi = rows.length
  cut.push('')
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    shape.maxRows = mid
    cut[cut.length - 1] = `${rows.length - mid} table rows left out (deployments without changes first)`
    if (render().length <= limit) lo = mid
    else hi = mid - 1
  }
  shape.maxRows = lo
  cut[cut.length - 1] = `${rows.length - lo} table rows left out (deployments without changes first)`
  return { body: render(), cut }
}

type BodyText = (id: string, form: BodyForm) => string

function renderBody(input: PrCommentInput, rows: DeploymentResult[], text: BodyText, shape: Shape, cut: readonly string[]): string {
  const { summary, links } = input
  const marker = buildCommentMarker({
    workingDir: input.workingDir,
    runId: summary.runId,
    githubRunId: input.githubRun?.id,
    githubRunAttempt: input.githubRun?.attempt
  })
  const parts = [marker, `### tf-orchestrator ${summary.command} in ${codeSpan(input.workingDir)}`, '', headline(summary)]
  const linkLine = [links?.jobSummary && `[job summary](${links.jobSummary})`, links?.artifact && `[full redacted output](${links.artifact})`].filter(Boolean)
  if (linkLine.length) parts.push('', `More: ${linkLine.join(' · ')}`)
  const levelCount = summary.executionLevels.length
  parts.push('', details(`Execution levels (${levelCount})`, levelsList(summary, shape.levelIds)))
  parts.push('', deploymentTable(rows, shape.maxRows))
  const notes = [...(input.warnings ?? []).map((w) => `⚠️ ${w}`), ...policyNotes(summary)]
  if (notes.length) parts.push('', '#### Policy findings, warnings and waivers', '', cappedList(notes, MAX_NOTES, 'in the job summary'))
  const bodies = rows.filter((r) => (shape.form.get(r.id) ?? 'none') !== 'none')
  if (bodies.length) {
    parts.push('', '#### Plans')
    for (const r of bodies) {
      const form = shape.form.get(r.id) as BodyForm
      parts.push('', planDetails(r, text(r.id, form), form))
    }
  }
  if (cut.length) {
    const where = [links?.artifact && `the [full redacted output](${links.artifact})`, links?.jobSummary && `the [job summary](${links.jobSummary})`].filter(Boolean)
    parts.push('', `> ✂️ Shortened to fit GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')}-character comment limit: ${cut.join('; ')}.`)
    if (where.length) parts.push(`> Everything is in ${where.join(' and ')}.`)
  }
  return parts.join('\n') + '\n'
}

function planDetails(r: DeploymentResult, shown: string, form: BodyForm): string {
  const counts = r.counts ? ` ${formatCounts(r.counts)}` : ''
  const summary = `${htmlText(statusText(r))} <code>${htmlText(r.id)}</code>${counts}${form === 'lines' ? ' (change lines only)' : ''}`
  return details(summary, fencedBlock(shown || '(no plan output)', 'text'))
}
