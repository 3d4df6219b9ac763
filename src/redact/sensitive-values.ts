import { isTrivialValue } from './rule.js'

type Json = Record<string, unknown>

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const record = (v: unknown): Json => (isRecord(v) ? v : {})
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/** Adds every scalar below `value` (numbers as strings; booleans and null say nothing). */
function collectAll(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') out.add(value)
  else if (typeof value === 'number' || typeof value === 'bigint') out.add(String(value))
  else if (Array.isArray(value)) for (const v of value) collectAll(v, out)
  else if (isRecord(value)) for (const v of Object.values(value)) collectAll(v, out)
}

/** Follows a sensitivity mask (true, or nested objects/arrays of booleans) over the value it describes. */
function collectMasked(value: unknown, mask: unknown, out: Set<string>): void {
  if (mask === true) collectAll(value, out)
  else if (Array.isArray(mask)) mask.forEach((m, i) => collectMasked(Array.isArray(value) ? value[i] : undefined, m, out))
  else if (isRecord(mask)) for (const [k, m] of Object.entries(mask)) collectMasked(isRecord(value) ? value[k] : undefined, m, out)
}

/** before/after of resource_changes, resource_drift and output_changes. */
function collectChange(change: unknown, out: Set<string>): void {
  const c = record(change)
  collectMasked(c.before, c.before_sensitive, out)
  collectMasked(c.after, c.after_sensitive, out)
}

/** Resources of planned_values / prior_state modules, child modules included. */
function collectModule(module: unknown, out: Set<string>): void {
  const m = record(module)
  for (const r of list(m.resources)) collectMasked(record(r).values, record(r).sensitive_values, out)
  for (const child of list(m.child_modules)) collectModule(child, out)
}

/** Outputs of planned_values / prior_state: `{ name: { sensitive, value } }`. */
function collectOutputs(outputs: unknown, out: Set<string>): void {
  for (const o of Object.values(record(outputs))) if (record(o).sensitive === true) collectAll(record(o).value, out)
}

/**
 * Every value a plan JSON (`tofu show -json`) marks sensitive: resource attributes under
 * before_sensitive/after_sensitive/sensitive_values, sensitive root variables and outputs.
 * Values shorter than MIN_SECRET_LENGTH and true/false/null are skipped: replacing every "1"
 * or "on" of a log would destroy it while hiding nothing. Sorted longest first.
 */
export function sensitiveValuesFromPlan(planJson: unknown): string[] {
  const plan = record(planJson)
  const out = new Set<string>()
  for (const rc of [...list(plan.resource_changes), ...list(plan.resource_drift)]) collectChange(record(rc).change, out)
  for (const oc of Object.values(record(plan.output_changes))) collectChange(oc, out)
  const declared = record(record(record(plan.configuration).root_module).variables)
  for (const [name, v] of Object.entries(record(plan.variables))) {
    if (record(declared[name]).sensitive === true) collectAll(record(v).value, out)
  }
  for (const values of [record(plan.planned_values), record(record(plan.prior_state).values)]) {
    collectOutputs(values.outputs, out)
    collectModule(values.root_module, out)
  }
  return [...out].filter((v) => !isTrivialValue(v)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
}
