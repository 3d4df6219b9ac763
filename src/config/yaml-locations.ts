import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml'

type Path = readonly (string | number)[]
type Ranged = { range?: [number, number, number] | null }

/** Start offset of the node at `path`, or of its nearest existing parent. */
export function offsetOf(doc: Document, path: Path): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Ranged | undefined
    if (node && typeof node === 'object' && node.range) return node.range[0]
    if (n === 0) return doc.contents?.range?.[0]
  }
  return undefined
}

/** Start offset of the key `key` of the map at `path`. */
export function keyOffset(doc: Document, path: Path, key: string): number | undefined {
  const parent = path.length ? doc.getIn(path, true) : doc.contents
  if (!isMap(parent)) return undefined
  for (const pair of parent.items) {
    if (isScalar(pair.key) && pair.key.value === key) return pair.key.range?.[0]
  }
  return undefined
}

/**
 * The 1-based line of every key and list item, by dotted key path
 * (`service_dependencies.compute.1`), so checks that run after parsing
 * (they need the discovered deployments) can still name the line.
 */
export function nodeLines(doc: Document, lines: LineCounter): Map<string, number> {
  const found = new Map<string, number>()
  const walk = (node: unknown, path: string): void => {
    const at = (prefix: string, offset: number | undefined): void => {
      if (offset !== undefined) found.set(prefix, lines.linePos(offset).line)
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue
        const child = path ? `${path}.${String(pair.key.value)}` : String(pair.key.value)
        at(child, pair.key.range?.[0])
        walk(pair.value, child)
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const child = `${path}.${i}`
        at(child, (item as Ranged | null)?.range?.[0] ?? undefined)
        walk(item, child)
      })
    }
  }
  walk(doc.contents, '')
  return found
}

/** `file:line` for a key path of a parsed configuration, or what is known of it. */
export function locate(file: string | undefined, lines: ReadonlyMap<string, number> | undefined, path: Path): string {
  const name = file ?? 'configuration'
  for (let n = path.length; n > 0; n--) {
    const line = lines?.get(path.slice(0, n).join('.'))
    if (line !== undefined) return `${name}:${line}`
  }
  return name
}
