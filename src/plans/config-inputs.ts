/**
 * Which files of a module directory a plan is made from: configuration
 * (`.tf`, `.tf.json`), the provider lock file, and the variable files OpenTofu
 * loads by itself (terraform.tfvars, *.auto.tfvars). The deployment's own
 * -var-file is added by the caller.
 */
export function isConfigInput(name: string): boolean {
  return (
    name.endsWith('.tf') ||
    name.endsWith('.tf.json') ||
    name === '.terraform.lock.hcl' ||
    /^terraform\.tfvars(\.json)?$/.test(name) ||
    /\.auto\.tfvars(\.json)?$/.test(name)
  )
}

/** One input file: its path relative to the working directory (posix) and the SHA-256 of its content. */
export interface ConfigInput {
  path: string
  sha256: string
}

/**
 * The text the configuration hash is taken of: one `path<TAB>sha256` line per
 * file, sorted by path, duplicates once. Paths are relative to the working
 * directory, so two checkouts of the same commit in different folders agree.
 */
export function configHashText(inputs: readonly ConfigInput[]): string {
  const lines = new Set(inputs.map((i) => `${i.path}\t${i.sha256}`))
  return [...lines].sort().join('\n')
}

/** Module directories from `modules.json` (`Modules[].Dir`, relative to the root module), the root itself included. */
export function moduleDirs(modulesJson: unknown): string[] {
  const modules = ((modulesJson ?? {}) as { Modules?: { Dir?: unknown }[] }).Modules ?? []
  const dirs = modules.flatMap((m) => (typeof m.Dir === 'string' ? [m.Dir] : []))
  return [...new Set(['.', ...dirs])]
}
