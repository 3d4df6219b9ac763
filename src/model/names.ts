/** Which part of a deployment a name is, for error messages. */
export type NameRole = 'account' | 'region' | 'project' | 'service'

/**
 * Names that become a path segment or a state key: letters, digits, `.`, `_`
 * and `-`, starting with a letter or digit, at most 128 characters. This keeps
 * out `..`, `/`, control characters and anything a shell or S3 key would treat
 * specially.
 */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

/** Returns why `value` is not a valid name, or undefined when it is. */
export function nameProblem(value: string): string | undefined {
  // The common valid name passes one test; the checks below only word the problem.
  if (NAME_PATTERN.test(value) && !value.includes('..')) return undefined
  if (value.length === 0) return 'it is empty'
  if (value.length > 128) return 'it is longer than 128 characters'
  if (value.includes('/') || value.includes('\\')) return 'it contains a path separator'
  if (value.includes('..')) return "it contains '..'"
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'it contains a control character'
  if (!NAME_PATTERN.test(value)) {
    return 'only letters, digits, ".", "_" and "-" are allowed, starting with a letter or digit'
  }
  return undefined
}

/** Throws an error naming `where` (file and line) and the value when the name is invalid. */
export function assertValidName(role: NameRole, value: string, where: string): void {
  const problem = nameProblem(value)
  if (problem) {
    throw new InvalidNameError(`${where}: ${role} ${JSON.stringify(value)} is not a valid name: ${problem}`)
  }
}

export class InvalidNameError extends Error {
  override name = 'InvalidNameError'
}

// C0/C1 controls, DEL, line/paragraph separators and bidirectional overrides:
// printed raw they could rewrite a terminal or hide text in a log.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * A path (or any text from the file system) as it may appear in a message:
 * control characters escaped JSON-style (`\u001b`), everything else unchanged.
 */
export function printablePath(path: string): string {
  return path.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
