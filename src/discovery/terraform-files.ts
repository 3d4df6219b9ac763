/** Configuration files OpenTofu reads from a module directory: native and JSON syntax. */
export function isTerraformFile(file: string): boolean {
  return file.endsWith('.tf') || file.endsWith('.tf.json')
}

/** Variable definition files, native or JSON syntax (`-var-file` takes both). */
export function isVarFile(file: string): boolean {
  return file.endsWith('.tfvars') || file.endsWith('.tfvars.json')
}

/**
 * terraform.tfvars(.json) and *.auto.tfvars(.json) next to the root module are
 * its defaults, loaded by OpenTofu itself, not deployments (relative posix paths).
 */
export function isAutoLoaded(file: string, rootDir: string): boolean {
  const slash = file.lastIndexOf('/')
  const root = rootDir === '' ? '.' : rootDir
  // The folder is compared first, without slicing: a fleet's files are almost all elsewhere.
  if (slash < 0 ? root !== '.' : slash !== root.length || !file.startsWith(root)) return false
  const name = file.slice(slash + 1)
  return /^terraform\.tfvars(\.json)?$/.test(name) || /\.auto\.tfvars(\.json)?$/.test(name)
}

/** Files below a folder named `modules` belong to modules (examples, tests), not deployments. */
export function underModules(file: string): boolean {
  // A folder named `modules` anywhere before the file name (and not the file name itself).
  return file.startsWith('modules/') || file.includes('/modules/')
}
