/** One planned resource change reduced to what it changes: its actions and the attributes that move. */
export interface NormalChange {
  address: string
  actions: string[]
  /** attribute -> [before, after] as canonical JSON; only attributes whose value changes (or becomes unknown). */
  attributes: Record<string, [string, string]>
  /** Attributes whose values must not be printed (sensitive before or after). */
  sensitive: string[]
}

interface RawChange {
  address?: string
  deposed?: string
  change?: { actions?: string[]; before?: unknown; after?: unknown; after_unknown?: unknown; before_sensitive?: unknown; after_sensitive?: unknown }
}

const UNKNOWN = '(known after apply)'
// Changes that are not changes: nothing to do, or a data source read.
const IGNORED = new Set(['no-op', 'read'])

/** JSON with object keys sorted at every depth, so attribute ordering never counts as a difference. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

const fieldsOf = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {})
// A sensitivity marker is `true` or a structure holding a `true` somewhere.
const marked = (v: unknown): boolean => v === true || (v !== null && typeof v === 'object' && Object.values(v as object).some(marked))

function normalise(rc: RawChange): NormalChange | undefined {
  const actions = rc.change?.actions ?? []
  if (actions.length === 0 || actions.every((a) => IGNORED.has(a))) return undefined
  const address = `${rc.address ?? '?'}${rc.deposed ? ` (deposed ${rc.deposed})` : ''}`
  // A delete is its address: what the state held before is refresh detail, not the change.
  if (actions.length === 1 && actions[0] === 'delete') return { address, actions, attributes: {}, sensitive: [] }
  const c = rc.change ?? {}
  const before = fieldsOf(c.before)
  const after = fieldsOf(c.after)
  const unknown = fieldsOf(c.after_unknown)
  const attributes: Record<string, [string, string]> = {}
  const sensitive: string[] = []
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(unknown)])].sort()) {
    const was = canonicalJson(before[key])
    const will = marked(unknown[key]) ? `${UNKNOWN}${unknown[key] === true ? '' : ` ${canonicalJson(after[key])}`}` : canonicalJson(after[key])
    if (was === will) continue
    attributes[key] = [was, will]
    if (marked(fieldsOf(c.before_sensitive)[key]) || marked(fieldsOf(c.after_sensitive)[key])) sensitive.push(key)
  }
  return { address, actions, attributes, sensitive }
}

/**
 * The resource changes of plan JSON (`show -json`), normalised: no-op and read
 * actions dropped (refresh-only noise and data source reads), drift
 * (`resource_drift`) and prior state ignored, attributes compared by value with
 * sorted keys, unchanged attributes left out. Sorted by address.
 */
export function normalisedChanges(planJson: unknown): NormalChange[] {
  const changes = ((planJson ?? {}) as { resource_changes?: RawChange[] }).resource_changes ?? []
  return changes.flatMap((rc) => normalise(rc) ?? []).sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))
}

/** How one address differs between the reviewed plan and the new one. */
export interface ChangeDifference {
  address: string
  reviewed?: NormalChange
  now?: NormalChange
}

const same = (a: NormalChange, b: NormalChange): boolean => canonicalJson([a.actions, a.attributes]) === canonicalJson([b.actions, b.attributes])

/** Every address whose change differs between the reviewed plan JSON and the new one (empty: the same changes). */
export function compareChanges(reviewed: unknown, now: unknown): ChangeDifference[] {
  const before = new Map(normalisedChanges(reviewed).map((c) => [c.address, c]))
  const after = new Map(normalisedChanges(now).map((c) => [c.address, c]))
  const addresses = [...new Set([...before.keys(), ...after.keys()])].sort()
  return addresses.flatMap((address) => {
    const r = before.get(address)
    const n = after.get(address)
    if (r && n && same(r, n)) return []
    return [{ address, ...(r ? { reviewed: r } : {}), ...(n ? { now: n } : {}) }]
  })
}

const SECRET = '(sensitive)'
const show = (c: NormalChange, key: string): string => {
  const [was, will] = c.attributes[key] ?? ['null', 'null']
  return c.sensitive.includes(key) ? SECRET : `${was} -> ${will}`
}

/** One difference as readable lines: what was reviewed, what is planned now, attribute by attribute. */
function describe(d: ChangeDifference): string[] {
  const { reviewed: r, now: n } = d
  if (!r && n) return [`  + ${d.address}: ${n.actions.join(', ')} planned now, not in the reviewed plan`, ...Object.keys(n.attributes).map((k) => `      ${k}: ${show(n, k)}`)]
  if (r && !n) return [`  - ${d.address}: ${r.actions.join(', ')} in the reviewed plan, no longer planned`]
  const rc = r as NormalChange
  const nc = n as NormalChange
  const lines = [`  ~ ${d.address}: reviewed ${rc.actions.join(', ')}, now ${nc.actions.join(', ')}`]
  for (const key of [...new Set([...Object.keys(rc.attributes), ...Object.keys(nc.attributes)])].sort()) {
    const was = key in rc.attributes ? show(rc, key) : 'unchanged'
    const is = key in nc.attributes ? show(nc, key) : 'unchanged'
    if (was !== is || rc.sensitive.includes(key)) lines.push(`      ${key}: reviewed ${was}; now ${is}`)
  }
  return lines
}

/** The readable diff of what changed since review (sensitive values masked). */
export function renderChangeDiff(differences: readonly ChangeDifference[]): string {
  const head = `${differences.length} resource change(s) differ from the reviewed plan:`
  return [head, ...differences.flatMap(describe)].join('\n')
}
