/** A backup as listed (the I/O layer's BackupEntry). */
interface ListedBackup {
  key: string
  at: Date
  size: number
  serial?: number
}

/** A migration step as reported (the I/O layer's MigrationStep). */
interface ReportedMove {
  id: string
  from: string
  to: string
  outcome: string
}

const pad = (rows: string[][]): string[] => {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? []
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '))
}

/** `state backups`: one line per backup, oldest first: time (UTC), size, serial, key. */
export function renderBackups(id: string, stateKey: string, backups: readonly ListedBackup[]): string {
  if (backups.length === 0) return `${id}: no backups of ${stateKey}`
  const rows = backups.map((b) => [b.at.toISOString().replace('.000Z', 'Z'), `${b.size} B`, b.serial === undefined ? '-' : `serial ${b.serial}`, b.key])
  return [`${id}: ${backups.length} backup(s) of ${stateKey}`, ...pad([['time (UTC)', 'size', 'serial', 'key'], ...rows])].join('\n')
}

const OUTCOME: Record<string, string> = {
  copy: 'will copy',
  moved: 'copied and verified',
  'already-there': 'already at the new key (nothing to do)',
  'no-old-state': 'no state at the old key (nothing to do)'
}

/** `state migrate`: old -> new per deployment, what happens to it, and what to do next. */
export function renderMigration(steps: readonly ReportedMove[], unchanged: number, dryRun: boolean): string {
  const lines = steps.map((s) => `${s.id}: ${s.from} -> ${s.to}: ${OUTCOME[s.outcome] ?? s.outcome}`)
  if (unchanged > 0) lines.push(`${unchanged} deployment(s) already use this key layout`)
  const copies = steps.filter((s) => s.outcome === (dryRun ? 'copy' : 'moved')).length
  lines.push(
    dryRun
      ? `dry run: ${copies} state(s) would be copied; run again with --yes to copy (old objects are kept)`
      : `${copies} state(s) copied and verified; the old objects are kept`
  )
  return lines.join('\n')
}

/** `state prune`: the backups that go (or would go). */
export function renderPrune(keys: readonly string[], dryRun: boolean, days: number): string {
  const head = dryRun
    ? `dry run: ${keys.length} backup(s) older than ${days} days would be deleted (the newest backup of each state is kept); run again with --yes`
    : `deleted ${keys.length} backup(s) older than ${days} days (the newest backup of each state is kept)`
  return [head, ...keys.map((k) => `  ${k}`)].join('\n')
}

/** `90d` -> 90 (days); throws on anything else. */
export function parseRetention(text: string): number {
  const m = /^(\d+)d$/.exec(text.trim())
  if (!m) throw new Error(`--older-than must be a number of days such as 90d, not ${JSON.stringify(text)}`)
  return Number(m[1])
}
