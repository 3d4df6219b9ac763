/** Raised for an explicit dependency that names no deployment. */
export class DependencyConfigError extends Error {
  override name = 'DependencyConfigError'
}
