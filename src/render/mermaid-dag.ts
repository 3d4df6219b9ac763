// The deployment DAG as a mermaid flowchart coloured by result. At fleet scale it
// groups by account/region, then collapses to counts, so it stays legible and
// under mermaid's size limits.
import type { DependencyGraph } from '../graph/dag.js'
import type { DeploymentResult, RunSummary } from '../model/run-result.js'
import { formatCounts } from '../terraform/plan-summary.js'
import { flowchartLabel, MERMAID_MAX_EDGES, MERMAID_MAX_TEXT, scopeFromId, type MermaidDiagram, type Scope } from './mermaid-text.js'
import { KIND_ORDER, resultKind, worstKind, type ResultKind } from './result-kind.js'

export interface DagInput {
  summary: RunSummary
  /** deployment id -> ids it waits for (the run's ExecutionGraph.dependencies). */
  dependencies?: DependencyGraph
  /** Where a deployment lives; defaults to reading its id (`service/account/region/project`). */
  scopeOf?: (id: string) => Scope
}

/** flat: a node per deployment; grouped: the same in account/region subgraphs; then one node per group. */
export type DagMode = 'flat' | 'grouped' | 'services' | 'scopes' | 'accounts' | 'results'

export interface DagOptions {
  mode?: DagMode
  /** Most deployments drawn one node each without grouping (default 15). */
  flatMax?: number
  /** Most deployments drawn one node each inside groups (default 200). */
  groupedMax?: number
  maxChars?: number
}

const CLASS: Record<ResultKind, string> = { applied: 'applied', changes: 'changes', 'no-changes': 'nochange', failed: 'failed', blocked: 'blocked', skipped: 'skipped' }
const STYLE: Record<ResultKind, string> = {
  applied: 'fill:#2da44e,stroke:#1a7f37,color:#ffffff',
  changes: 'fill:#0969da,stroke:#0550ae,color:#ffffff',
  'no-changes': 'fill:#eaeef2,stroke:#8c959f,color:#24292f',
  failed: 'fill:#cf222e,stroke:#a40e26,color:#ffffff',
  blocked: 'fill:#bc4c00,stroke:#953800,color:#ffffff',
  skipped: 'fill:#ffffff,stroke:#8c959f,color:#57606a,stroke-dasharray:4 3'
}

/** What each colour means, for the line under the picture. */
export const DAG_LEGEND = 'green applied · blue planned changes · grey no changes · red failed · orange blocked by policy · dashed skipped'

interface Node {
  key: string
  label: string
  kind: ResultKind
  group?: string
}

/** Renders the DAG in the given mode, or the most detailed one that fits. */
export function renderMermaidDag(input: DagInput, options: DagOptions = {}): MermaidDiagram {
  const n = input.summary.deployments.length
  const modes: DagMode[] = options.mode ? [options.mode] : ['flat', 'grouped', 'services', 'scopes', 'accounts', 'results']
  const allowed = modes.filter((m) => options.mode || (m !== 'flat' || n <= (options.flatMax ?? 15)) && (m !== 'grouped' || n <= (options.groupedMax ?? 200)))
  let last: MermaidDiagram | undefined
  for (const mode of allowed) {
    const { text, edges } = draw(input, mode)
    last = { text, mode, note: mode === 'flat' || mode === 'grouped' ? undefined : `${n} deployments grouped by ${GROUPED_BY[mode]}` }
    if (text.length <= (options.maxChars ?? MERMAID_MAX_TEXT) && edges <= MERMAID_MAX_EDGES) return last
  }
  return last as MermaidDiagram
}

const GROUPED_BY: Record<DagMode, string> = { flat: '', grouped: '', services: 'account, region and service', scopes: 'account and region', accounts: 'account', results: 'result' }

function draw(input: DagInput, mode: DagMode): { text: string; edges: number } {
  const scopeOf = input.scopeOf ?? scopeFromId
  const key = (r: DeploymentResult): string => {
    const s = scopeOf(r.id)
    if (mode === 'services') return `${s.account}/${s.region}/${s.service}`
    if (mode === 'scopes') return `${s.account}/${s.region}`
    if (mode === 'accounts') return s.account
    if (mode === 'results') return resultKind(r)
    return r.id
  }
  // Without dependencies the levels still show the order: one subgraph per level.
  const levelOf = new Map<string, string>()
  if (!input.dependencies) input.summary.executionLevels.forEach((level, i) => level.forEach((id) => levelOf.set(id, `Level ${i + 1}`)))
  const members = new Map<string, DeploymentResult[]>()
  for (const r of input.summary.deployments) members.set(key(r), [...(members.get(key(r)) ?? []), r])
  const nodes: Node[] = [...members].map(([k, rs]) => {
    const kind = worstKind(rs.map(resultKind))
    if (mode === 'flat' || mode === 'grouped') return deploymentNode(rs[0] as DeploymentResult, mode, scopeOf, levelOf)
    return { key: k, kind, label: `${flowchartLabel(k)}<br>${countsLine(rs)}`, group: mode === 'services' ? groupOf(scopeOf(rs[0]?.id ?? '')) : undefined }
  })
  const ids = new Map(nodes.map((node, i) => [node.key, `n${i}`]))
  const lines = ['flowchart LR']
  for (const [kind, style] of Object.entries(STYLE)) lines.push(`  classDef ${CLASS[kind as ResultKind]} ${style}`)
  const groups = new Map<string | undefined, Node[]>()
  for (const node of nodes) groups.set(node.group, [...(groups.get(node.group) ?? []), node])
  let g = 0
  for (const [group, inGroup] of groups) {
    if (group !== undefined) lines.push(`  subgraph g${g++}["${flowchartLabel(group)}"]`)
    for (const node of inGroup) lines.push(`${group !== undefined ? '    ' : '  '}${ids.get(node.key)}["${node.label}"]:::${CLASS[node.kind]}`)
    if (group !== undefined) lines.push('  end')
  }
  const edges = new Set<string>()
  const keyOf = new Map(input.summary.deployments.map((r) => [r.id, key(r)]))
  for (const [id, deps] of input.dependencies ?? []) {
    for (const dep of deps) {
      const from = ids.get(keyOf.get(dep) ?? '')
      const to = ids.get(keyOf.get(id) ?? '')
      if (from && to && from !== to) edges.add(`  ${from} --> ${to}`)
    }
  }
  lines.push(...[...edges].sort())
  return { text: lines.join('\n'), edges: edges.size }
}

const groupOf = (s: Scope): string => `${s.account} / ${s.region}`

function deploymentNode(r: DeploymentResult, mode: DagMode, scopeOf: (id: string) => Scope, levelOf: ReadonlyMap<string, string>): Node {
  const s = scopeOf(r.id)
  // Inside an account/region group the id's account and region would only repeat the title.
  const name = mode === 'grouped' ? r.id.split('/').filter((p, i) => !(i > 0 && (p === s.account || p === s.region))).join('/') : r.id
  const counts = r.counts ? `<br>${flowchartLabel(formatCounts(r.counts))}` : ''
  return { key: r.id, kind: resultKind(r), label: `${flowchartLabel(name)}${counts}`, group: mode === 'grouped' ? groupOf(s) : levelOf.get(r.id) }
}

/** `12 deployments: 1 failed, 3 changes, 8 no changes` */
function countsLine(rs: readonly DeploymentResult[]): string {
  const byKind = new Map<ResultKind, number>()
  for (const r of rs) byKind.set(resultKind(r), (byKind.get(resultKind(r)) ?? 0) + 1)
  const parts = KIND_ORDER.filter((k) => byKind.has(k)).map((k) => `${byKind.get(k)} ${k.replace('-', ' ')}`)
  return `${rs.length} deployment${rs.length === 1 ? '' : 's'}: ${parts.join(', ')}`
}
