import { addressesOf, type StateSnapshot } from './state-snapshot.js'

/** What a failed apply really changed: the state before and after it, compared by resource address. */
export interface ApplyChanges {
  serialBefore?: number
  serialAfter?: number
  /** Recorded after but not before: created. */
  added: string[]
  /** Recorded before but not after: destroyed. */
  removed: string[]
  /** In both, with different recorded attributes: updated in place. */
  changed: string[]
  /** Where "after" was read: the store, or the errored.tfstate OpenTofu could not save. */
  afterFrom: 'store' | 'errored-state'
}

/** Compares the state before an apply with the state after it (`before` undefined: there was none). */
export function stateChanges(before: StateSnapshot | undefined, after: StateSnapshot, afterFrom: ApplyChanges['afterFrom'] = 'store'): ApplyChanges {
  const was = before?.resources ?? {}
  const now = after.resources
  return {
    ...(before?.serial !== undefined ? { serialBefore: before.serial } : {}),
    ...(after.serial !== undefined ? { serialAfter: after.serial } : {}),
    added: addressesOf(after).filter((a) => !(a in was)),
    removed: addressesOf(before).filter((a) => !(a in now)),
    changed: addressesOf(after).filter((a) => a in was && was[a] !== now[a]),
    afterFrom
  }
}

/** Whether the apply changed anything recorded (a new serial alone, for example outputs, counts too). */
export function changedAnything(c: ApplyChanges): boolean {
  return c.added.length + c.removed.length + c.changed.length > 0 || c.serialBefore !== c.serialAfter
}

/**
 * The orphan check: resources the current state records that `replacement`
 * does not. Writing `replacement` over the current state would make OpenTofu
 * forget them while they still exist.
 */
export function orphansOf(current: StateSnapshot | undefined, replacement: StateSnapshot): string[] {
  return addressesOf(current).filter((a) => !(a in replacement.resources))
}

/** One line for people: `serial 4 -> 5, +2 ~0 -0 (created: a, b)`. */
export function describeChanges(c: ApplyChanges): string {
  const parts = [`serial ${c.serialBefore ?? '(none)'} -> ${c.serialAfter ?? '(none)'}`, `+${c.added.length} ~${c.changed.length} -${c.removed.length}`]
  if (c.added.length > 0) parts.push(`created: ${c.added.join(', ')}`)
  if (c.changed.length > 0) parts.push(`updated: ${c.changed.join(', ')}`)
  if (c.removed.length > 0) parts.push(`destroyed: ${c.removed.join(', ')}`)
  return parts.join('; ')
}
