/** What a state file says about itself: its serial, lineage and managed resource instances by address. */
export interface StateSummary {
  serial?: number
  lineage?: string
  /** Managed resource instances (data sources hold nothing), e.g. `module.a.terraform_data.x["k"]`. */
  addresses: string[]
}

interface RawResource {
  module?: string
  mode?: string
  type?: string
  name?: string
  instances?: { index_key?: string | number }[]
}

/** The address of one instance, as OpenTofu prints it. */
function address(r: RawResource, indexKey: string | number | undefined): string {
  const base = `${r.module ? `${r.module}.` : ''}${r.type ?? '?'}.${r.name ?? '?'}`
  return indexKey === undefined ? base : `${base}[${JSON.stringify(indexKey)}]`
}

/** Reads a state file's text (JSON, format version 4); throws naming `what` when it is not one. */
export function summarizeState(text: string, what: string): StateSummary {
  let json: { serial?: unknown; lineage?: unknown; resources?: unknown }
  try {
    json = JSON.parse(text) as typeof json
  } catch (error) {
    throw new Error(`${what} is not a state file: ${(error as Error).message}`)
  }
  if (typeof json !== 'object' || json === null) throw new Error(`${what} is not a state file`)
  const resources = Array.isArray(json.resources) ? (json.resources as RawResource[]) : []
  const addresses = resources
    .filter((r) => (r.mode ?? 'managed') === 'managed')
    .flatMap((r) => (r.instances && r.instances.length > 0 ? r.instances : [{}]).map((i) => address(r, i.index_key)))
  return {
    ...(typeof json.serial === 'number' ? { serial: json.serial } : {}),
    ...(typeof json.lineage === 'string' ? { lineage: json.lineage } : {}),
    addresses: [...new Set(addresses)].sort()
  }
}

/** What restoring `restored` over `current` changes: instances it drops (orphans) and brings back. */
export interface StateChange {
  /** In the current state but not in the restored one: their infrastructure would be left unmanaged. */
  orphans: string[]
  /** In the restored state only: OpenTofu will manage them again. */
  added: string[]
  serial: { from?: number; to?: number }
}

/** Compares two states by resource address (the orphan check of restore and failure recovery). */
export function stateChange(current: StateSummary | undefined, restored: StateSummary): StateChange {
  const now = new Set(current?.addresses ?? [])
  const then = new Set(restored.addresses)
  return {
    orphans: [...now].filter((a) => !then.has(a)).sort(),
    added: [...then].filter((a) => !now.has(a)).sort(),
    serial: { ...(current?.serial !== undefined ? { from: current.serial } : {}), ...(restored.serial !== undefined ? { to: restored.serial } : {}) }
  }
}

/** One line per fact, for people: serial, what comes back, or that the resources are the same. */
export function describeStateChange(change: StateChange): string[] {
  const lines = [`serial ${change.serial.from ?? '(none)'} -> ${change.serial.to ?? '(none)'}`]
  if (change.added.length > 0) lines.push(`managed again (${change.added.length}): ${change.added.join(', ')}`)
  if (change.orphans.length > 0) lines.push(`no longer in the state (${change.orphans.length}): ${change.orphans.join(', ')}`)
  if (change.added.length === 0 && change.orphans.length === 0) lines.push('same resources; only their recorded attributes go back')
  return lines
}
