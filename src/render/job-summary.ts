// The job summary: headline, KPIs, the DAG and gantt pictures, the deployment
// table and policy results, under GitHub's 1 MiB step summary limit. The caller
// passes redacted data; nothing here redacts.
import type { DependencyGraph } from '../graph/dag.js'
import type { RunSummary } from '../model/run-result.js'
import { deploymentTable, rowOrder } from './deployment-table.js'
import { codeSpan, details, utf8Bytes } from './markdown.js'
import { DAG_LEGEND, renderMermaidDag, type DagMode } from './mermaid-dag.js'
import { renderMermaidGantt, type GanttMode } from './mermaid-gantt.js'
import type { MermaidDiagram, Scope } from './mermaid-text.js'
import { kpiTable, runKpis } from './run-kpis.js'
import { cappedList, headline, levelsList, policyNotes } from './run-sections.js'

/** GitHub refuses a step summary larger than 1 MiB (counted in bytes). */
export const STEP_SUMMARY_LIMIT = 1024 * 1024

export interface JobSummaryInput {
  summary: RunSummary
  dependencies?: DependencyGraph
  scopeOf?: (id: string) => Scope
  workingDir?: string
  /** Link to the artifact with the full redacted output. */
  artifactUrl?: string
  warnings?: readonly string[]
}

export interface JobSummary {
  markdown: string
  cut: string[]
  dag: MermaidDiagram
  gantt: MermaidDiagram
}

interface Shape {
  dagMode?: DagMode
  ganttMode?: GanttMode
  maxRows: number
  maxNotes: number
}

/**
 * Renders the job summary. Over `limit` bytes it first draws the pictures in
 * their most grouped forms, then leaves out table rows and policy lines
 * (deployments without changes first), saying so.
 */
export function renderJobSummary(input: JobSummaryInput, limit = STEP_SUMMARY_LIMIT): JobSummary {
  const rows = rowOrder(input.summary.deployments)
  const notes = [...(input.warnings ?? []).map((w) => `⚠️ ${w}`), ...policyNotes(input.summary)]
  const shape: Shape = { maxRows: rows.length, maxNotes: notes.length }
  const cut: string[] = []
  const render = (): JobSummary => {
    const dag = renderMermaidDag({ summary: input.summary, dependencies: input.dependencies, scopeOf: input.scopeOf }, { mode: shape.dagMode })
    const gantt = renderMermaidGantt({ summary: input.summary, scopeOf: input.scopeOf }, { mode: shape.ganttMode })
    return { markdown: body(input, rows, notes, shape, dag, gantt, cut), cut, dag, gantt }
  }
  let out = render()
  if (utf8Bytes(out.markdown) <= limit) return out
  shape.dagMode = 'scopes'
  shape.ganttMode = 'scopes'
  cut.push('pictures grouped by account and region')
  out = render()
  // Halve rows and notes until it fits; a summary this large is read from the artifact anyway.
  while (utf8Bytes(out.markdown) > limit && (shape.maxRows > 0 || shape.maxNotes > 0)) {
    shape.maxRows = Math.floor(shape.maxRows / 2)
    shape.maxNotes = Math.floor(shape.maxNotes / 2)
    cut.splice(1, cut.length - 1, `${rows.length - shape.maxRows} table rows and ${notes.length - shape.maxNotes} policy lines left out`)
    out = render()
  }
  return out
}

function body(input: JobSummaryInput, rows: JobSummaryRows, notes: readonly string[], shape: Shape, dag: MermaidDiagram, gantt: MermaidDiagram, cut: readonly string[]): string {
  const s = input.summary
  const where = input.workingDir ? ` in ${codeSpan(input.workingDir)}` : ''
  const parts = [`## tf-orchestrator ${s.command}${where}`, '', headline(s), '', `${s.binary.name} ${s.binary.version} · run ${codeSpan(s.runId)}`]
  if (input.artifactUrl) parts.push('', `Full redacted output: [artifact](${input.artifactUrl})`)
  parts.push('', '### KPIs', '', kpiTable(runKpis(s)))
  parts.push('', '### Deployment graph', '', picture(dag), '', `_${DAG_LEGEND}${dag.note ? ` — ${dag.note}` : ''}_`)
  parts.push('', '### Timeline', '', picture(gantt), '', `_One section per worker; red failed or blocked, highlighted planned changes, grey no changes${gantt.note ? ` — ${gantt.note}` : ''}._`)
  parts.push('', details(`Execution levels (${s.executionLevels.length})`, levelsList(s, true)))
  parts.push('', '### Deployments', '', deploymentTable(rows, shape.maxRows))
  parts.push('', '### Policy results', '', notes.length ? cappedList(notes, shape.maxNotes, 'left out to fit the summary limit') : '_No policy findings, waivers or warnings._')
  if (cut.length) parts.push('', `> ✂️ Shortened to fit GitHub's 1 MiB step summary limit: ${cut.join('; ')}.`)
  return parts.join('\n') + '\n'
}

type JobSummaryRows = ReturnType<typeof rowOrder>

const picture = (d: MermaidDiagram): string => `\`\`\`mermaid\n${d.text}\n\`\`\``
