/** What a saved plan would do, from `show -json`. */
export interface PlanCounts {
  create: number
  update: number
  delete: number
  replace: number
}

export interface PlanSummary extends PlanCounts {
  /** Anything to apply at all: resource changes or output changes. */
  hasChanges: boolean
}

interface ResourceChange {
  change?: { actions?: string[] }
}

interface PlanJson {
  resource_changes?: ResourceChange[]
  output_changes?: Record<string, { actions?: string[] }>
}

/** Counts creates, updates, deletes and replacements in plan JSON (pure). */
export function summarizePlan(plan: unknown): PlanSummary {
  const json = (plan ?? {}) as PlanJson
  const counts: PlanCounts = { create: 0, update: 0, delete: 0, replace: 0 }
  for (const rc of json.resource_changes ?? []) {
    const actions = rc.change?.actions ?? []
    if (actions.includes('create') && actions.includes('delete')) counts.replace++
    else if (actions.includes('create')) counts.create++
    else if (actions.includes('update')) counts.update++
    else if (actions.includes('delete')) counts.delete++
  }
  const outputsChange = Object.values(json.output_changes ?? {}).some((o) => (o.actions ?? []).some((a) => a !== 'no-op'))
  const hasChanges = counts.create + counts.update + counts.delete + counts.replace > 0 || outputsChange
  return { ...counts, hasChanges }
}

/** `+2 ~0 -0` (and `±1` when something is replaced). */
export function formatCounts(c: PlanCounts): string {
  return `+${c.create} ~${c.update} -${c.delete}${c.replace ? ` ±${c.replace}` : ''}`
}
