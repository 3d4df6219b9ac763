import type { RemovedDeployment, SelectedDeployment, SelectionReason } from '../model/deployment.js'
import { renderTable } from './table.js'

/** The `list` command's text: one row per selected deployment, then removals. */
export function renderDeploymentList(selected: readonly SelectedDeployment[], removed: readonly RemovedDeployment[]): string {
  const parts: string[] = []
  if (selected.length === 0) {
    parts.push('No deployments selected.')
  } else {
    // One service and one reason are the common row: no array is mapped and joined for them.
    const rows = selected.map((d) => [
      d.name,
      d.services.length === 1 ? (d.services[0] as string) : d.services.join(','),
      d.stateKey,
      d.reasons.length === 1 ? (d.reasons[0] as SelectionReason).text : d.reasons.map((r) => r.text).join('; ')
    ])
    parts.push(renderTable(['DEPLOYMENT', 'SERVICES', 'STATE KEY', 'REASONS'], rows))
    parts.push(`${selected.length} deployment${selected.length === 1 ? '' : 's'} selected.`)
  }
  for (const r of removed) parts.push(`removed: ${r.text}`)
  return parts.join('\n')
}
