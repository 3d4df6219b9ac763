import { readFileSync } from 'node:fs'

/** One fragment of the planted corpus: text, the secrets planted in it, parts that must survive. */
export interface PlantedCase {
  title: string
  text: string
  secrets: string[]
  keep: string[]
}

const dataDir = '__tests__/data/redact'

/** Reads a file of __tests__/data/redact. */
export const readData = (name: string): string => readFileSync(`${dataDir}/${name}`, 'utf8')

const trimTrailingBlank = (lines: string[]): string[] => {
  const out = [...lines]
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop()
  return out
}

/** Parses planted.txt: `=== title`, text lines, `--- secrets`, one per line, `--- keep`, one per line. */
export function plantedCases(): PlantedCase[] {
  return readData('planted.txt')
    .split(/^=== /m)
    .filter((s) => s.trim() !== '')
    .map((section) => {
      const [title = '', ...lines] = section.split('\n')
      const secretsAt = lines.indexOf('--- secrets')
      const keepAt = lines.indexOf('--- keep')
      const end = keepAt === -1 ? lines.length : keepAt
      return {
        title,
        text: lines.slice(0, secretsAt).join('\n'),
        secrets: trimTrailingBlank(lines.slice(secretsAt + 1, end)),
        keep: keepAt === -1 ? [] : trimTrailingBlank(lines.slice(keepAt + 1)).map((k) => k.trim())
      }
    })
}
