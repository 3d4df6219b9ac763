/** The package a Rego module declares (its first `package` statement). */
export function regoPackage(source: string): string | undefined {
  const match = /^\s*package\s+([A-Za-z_][\w.]*)\s*$/m.exec(source)
  return match?.[1]
}

export const GATE_PACKAGE = 'tforch_gate'

/**
 * A Rego module that gathers `deny` and `warn` of every loaded package into
 * one document, so each plan is evaluated with a single query. Results are
 * sets, so a package that re-exports another's results adds no duplicates.
 */
export function gateModule(packages: readonly string[]): string {
  const lines = [`package ${GATE_PACKAGE}`, '']
  for (const pkg of [...new Set(packages)].sort()) {
    if (pkg === GATE_PACKAGE) continue
    const ref = `data.${pkg}`
    lines.push(`deny contains finding(r) if some r in ${ref}.deny`)
    lines.push(`warn contains finding(r) if some r in ${ref}.warn`)
  }
  lines.push('', 'finding(r) := {"msg": r} if is_string(r)', '', 'finding(r) := r if not is_string(r)', '')
  return lines.join('\n')
}
