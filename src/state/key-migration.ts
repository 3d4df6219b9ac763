import type { Deployment } from '../model/deployment.js'
import { objectKeyProblem } from './object-store.js'
import { renderStateKey, STATE_KEY_PLACEHOLDERS } from './state-key.js'

/** One deployment's move from the key an older layout gave it to its current key. */
export interface KeyMove {
  id: string
  source: string
  from: string
  to: string
}

/** What a migration would do, before any object is read. */
export interface MigrationPlan {
  /** Deployments whose old key differs from the current one. */
  moves: KeyMove[]
  /** Deployments already at the old key (the template renders their current key). */
  unchanged: string[]
  /** Why the migration must be refused (several deployments from one old key). */
  conflicts: string[]
}

const PLACEHOLDER = /\{([a-z_]+)\}/g

/**
 * Why an old key template is unusable, or undefined. Its placeholders are the
 * current template's ({service} {account} {region} {project}); a template
 * without any names a single key (for one deployment).
 */
export function oldTemplateProblem(template: string): string | undefined {
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] as string
    if (!(STATE_KEY_PLACEHOLDERS as readonly string[]).includes(name)) {
      return `unknown placeholder {${name}} in --from (use ${STATE_KEY_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}; {account} is the account name)`
    }
  }
  return objectKeyProblem(template.replace(PLACEHOLDER, 'x'))
}

/**
 * Maps every deployment from the key `fromTemplate` gives it to its current
 * state key. Two deployments that would both take their state from one old
 * key are a conflict (the state would be split in two): the plan is refused.
 */
export function planKeyMigration(
  deployments: readonly Pick<Deployment, 'id' | 'source' | 'stateKey' | 'services' | 'account' | 'region' | 'project'>[],
  fromTemplate: string,
  combinedName: string
): MigrationPlan {
  const problem = oldTemplateProblem(fromTemplate)
  if (problem) throw new Error(`--from ${JSON.stringify(fromTemplate)}: ${problem}`)
  const moves: KeyMove[] = []
  const unchanged: string[] = []
  const byOldKey = new Map<string, string[]>()
  for (const d of deployments) {
    const from = renderStateKey(fromTemplate, d, combinedName)
    byOldKey.set(from, [...(byOldKey.get(from) ?? []), d.id])
    if (from === d.stateKey) unchanged.push(d.id)
    else moves.push({ id: d.id, source: d.source, from, to: d.stateKey })
  }
  const conflicts: string[] = [...byOldKey]
    .filter(([, ids]) => ids.length > 1)
    .map(([key, ids]) => `${ids.length} deployments would take their state from one old key ${key}: ${ids.join(', ')}`)
  // A copy into a key another move still reads from would hand that deployment the wrong state.
  const sources = new Set(moves.map((m) => m.from))
  for (const m of moves) if (sources.has(m.to)) conflicts.push(`${m.id}'s new key ${m.to} is the old key of another deployment`)
  return { moves: moves.sort((a, b) => a.id.localeCompare(b.id)), unchanged: unchanged.sort(), conflicts }
}
