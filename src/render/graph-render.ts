import type { ExecutionGraph } from '../graph/deployment-graph.js'
import type { Deployment } from '../model/deployment.js'

type Labels = ReadonlyMap<string, Deployment>

const label = (labels: Labels, id: string): string => labels.get(id)?.name ?? id

/** Execution levels as text: deployments of one level may run together. */
export function renderGraphText(graph: ExecutionGraph, labels: Labels): string {
  if (graph.levels.length === 0) return 'No deployments selected.'
  const lines = graph.levels.map((level, i) => `Level ${i + 1}: ${level.map((id) => label(labels, id)).join(', ')}`)
  const total = graph.levels.reduce((n, level) => n + level.length, 0)
  return [`${total} deployment${total === 1 ? '' : 's'} in ${graph.levels.length} level${graph.levels.length === 1 ? '' : 's'}`, ...lines].join('\n')
}

/** A Mermaid flowchart: an arrow from each dependency to what waits for it. */
export function renderGraphMermaid(graph: ExecutionGraph, labels: Labels): string {
  const ids = graph.levels.flat()
  const node = new Map(ids.map((id, i) => [id, `d${i}`]))
  const lines = ['flowchart LR']
  graph.levels.forEach((level, i) => {
    lines.push(`  subgraph level${i + 1}["Level ${i + 1}"]`)
    for (const id of level) lines.push(`    ${node.get(id)}["${label(labels, id).replace(/"/g, '#quot;')}"]`)
    lines.push('  end')
  })
  for (const id of ids) {
    for (const dep of [...(graph.dependencies.get(id) ?? [])].sort()) lines.push(`  ${node.get(dep)} --> ${node.get(id)}`)
  }
  return lines.join('\n')
}

/** The graph as plain data for --format json. */
export function graphJson(graph: ExecutionGraph, labels: Labels): unknown {
  return {
    levels: graph.levels.map((level) => level.map((id) => ({ id, name: label(labels, id) }))),
    dependencies: Object.fromEntries([...graph.dependencies].map(([id, deps]) => [id, [...deps].sort()]))
  }
}
