/**
 * What turns environment `from` into `to`, as the spawner's requests carry it
 * (spawner-script.ts): `NAME=value` sets or replaces, a bare `NAME` removes.
 * A run's commands share most of their environment (a deployment's differ in
 * TF_DATA_DIR and little else), so a request says what changed since the one
 * before instead of forty-odd variables: less to build and write here, and
 * less to parse there. Variables without a value (undefined) count as absent.
 */
export function envChanges(from: Readonly<Record<string, string | undefined>>, to: Readonly<Record<string, string | undefined>>): string[] {
  const changes: string[] = []
  for (const name in to) {
    const value = to[name]
    if (value !== undefined && from[name] !== value) changes.push(`${name}=${value}`)
  }
  for (const name in from) if (from[name] !== undefined && to[name] === undefined) changes.push(name)
  return changes
}

/** Applies changes as envChanges writes them to `env`, in place: what the spawner does on its side too. */
export function applyEnvChanges(env: Record<string, string>, changes: readonly string[]): void {
  for (const change of changes) {
    const at = change.indexOf('=')
    if (at < 0) delete env[change]
    else env[change.slice(0, at)] = change.slice(at + 1)
  }
}
