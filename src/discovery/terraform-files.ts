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
  const dir = slash < 0 ? '.' : file.slice(0, slash)
  const name = file.slice(slash + 1)
  const autoLoaded = /^terraform\.tfvars(\.json)?$/.test(name) || /\.auto\.tfvars(\.json)?$/.test(name)
  return dir === (rootDir === '' ? '.' : rootDir) && autoLoaded
}

/** Files below a folder named `modules` belong to modules (examples, tests), not deployments. */
export function underModules(file: string): boolean {
  return file.split('/').slice(0, -1).includes('modules')
}
