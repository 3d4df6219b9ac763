/** What a state says: serial, lineage and every managed resource instance with a fingerprint of its attributes. */
export interface StateSnapshot {
  serial?: number
  lineage?: string
  /** Address (as OpenTofu prints it) -> its recorded attributes as JSON, to tell "changed" from "same". */
  resources: Record<string, string>
}

interface RawResource {
  module?: string
  mode?: string
  type?: string
  name?: string
  instances?: { index_key?: string | number; attributes?: unknown }[]
}

interface ShownModule {
  resources?: { address?: string; mode?: string; values?: unknown }[]
  child_modules?: ShownModule[]
}

const indexOf = (key: string | number | undefined): string => (key === undefined ? '' : `[${JSON.stringify(key)}]`)

/** Resources of a raw state file (`state pull`, errored.tfstate, a backup): format version 4. */
function rawResources(resources: RawResource[]): Record<string, string> {
  const found: Record<string, string> = {}
  for (const r of resources) {
    // Data sources manage nothing: they can be neither orphaned nor created.
    if ((r.mode ?? 'managed') !== 'managed') continue
    const base = `${r.module ? `${r.module}.` : ''}${r.type ?? '?'}.${r.name ?? '?'}`
    for (const i of r.instances ?? []) found[`${base}${indexOf(i.index_key)}`] = JSON.stringify(i.attributes ?? null)
  }
  return found
}

/** Resources of `show -json` output (values.root_module and its child modules). */
function shownResources(module: ShownModule | undefined, into: Record<string, string> = {}): Record<string, string> {
  for (const r of module?.resources ?? []) if (r.address && (r.mode ?? 'managed') === 'managed') into[r.address] = JSON.stringify(r.values ?? null)
  for (const child of module?.child_modules ?? []) shownResources(child, into)
  return into
}

/**
 * Reads a state: the raw file (`state pull`, errored.tfstate, a backup) or
 * `show -json` of a state. Empty text is no state at all (nothing recorded yet).
 * Throws, naming `what`, when the text is neither.
 */
export function snapshotOf(text: string, what: string): StateSnapshot {
  if (text.trim() === '') return { resources: {} }
  let json: { serial?: unknown; lineage?: unknown; resources?: unknown; values?: { root_module?: ShownModule } }
  try {
    json = JSON.parse(text) as typeof json
  } catch (error) {
    throw new Error(`${what} is not a state: ${(error as Error).message}`)
  }
  if (typeof json !== 'object' || json === null) throw new Error(`${what} is not a state`)
  const resources = Array.isArray(json.resources) ? rawResources(json.resources as RawResource[]) : shownResources(json.values?.root_module)
  return {
    ...(typeof json.serial === 'number' ? { serial: json.serial } : {}),
    ...(typeof json.lineage === 'string' ? { lineage: json.lineage } : {}),
    resources
  }
}

/** The addresses of a snapshot, sorted. */
export function addressesOf(snapshot: StateSnapshot | undefined): string[] {
  return Object.keys(snapshot?.resources ?? {}).sort()
}
