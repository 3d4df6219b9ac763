import type { AnnotationProperties } from '@actions/core'
import { isAbsolute, relative, resolve, sep } from 'node:path'

/**
 * Where an annotation points: the file relative to the repository root
 * (GITHUB_WORKSPACE), so it attaches to the pull request's diff, and its line
 * when known. A file outside the repository gets no location.
 */
export function annotationFor(repoRoot: string, workingDir: string, file: string, line?: number): AnnotationProperties {
  const path = relative(repoRoot, resolve(workingDir, file))
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return {}
  return { file: path.split(sep).join('/'), ...(line !== undefined && line > 0 ? { startLine: line } : {}) }
}

/** The location an error message starts with or carries (`file.yml:3: ...`, `tfvars syntax error: a/b.tfvars:2: ...`). */
export function locationOf(message: string): { file: string; line?: number } | undefined {
  const m = /(?:^|: )([^\s:]+\.(?:ya?ml|tfvars|tf|json|hcl|rego))(?::(\d+))?(?::|$)/m.exec(message)
  if (!m?.[1]) return undefined
  return { file: m[1], line: m[2] ? Number(m[2]) : undefined }
}
