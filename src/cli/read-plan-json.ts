import { readFile } from 'node:fs/promises'

const EXPECTED = 'expected a plan JSON document (`tofu show -json <planfile>`: an object with "format_version" and "resource_changes")'

/** Reads a plan JSON file; anything else is an error naming the file and what was expected. */
export async function readPlanJson(file: string): Promise<Record<string, unknown>> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new Error(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code})`}; ${EXPECTED}`)
  }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    throw new Error(`${file}: not JSON; ${EXPECTED}`)
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error(`${file}: the JSON is ${doc === null ? 'null' : Array.isArray(doc) ? 'an array' : `a ${typeof doc}`}; ${EXPECTED}`)
  }
  const plan = doc as Record<string, unknown>
  if (typeof plan.format_version !== 'string' || (plan.resource_changes !== undefined && !Array.isArray(plan.resource_changes))) {
    throw new Error(`${file}: not a plan; ${EXPECTED}`)
  }
  return plan
}
