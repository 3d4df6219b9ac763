// Safe text for mermaid diagrams. Ids never reach mermaid as node ids (those are
// generated), only as labels, escaped with mermaid's `#code;` entities.

/** Mermaid refuses diagrams longer than this by default (`maxTextSize`), GitHub included. */
export const MERMAID_MAX_TEXT = 50_000
/** Mermaid's default `maxEdges` for flowcharts. */
export const MERMAID_MAX_EDGES = 500

/** A diagram and how it was drawn (`mode`), with a note when it was grouped or capped. */
export interface MermaidDiagram {
  text: string
  mode: string
  note?: string
}

const entity = (ch: string): string => `#${ch.codePointAt(0)};`

/** Text for a quoted flowchart label (`n1["..."]`): quotes, #, <, >, & and backticks escaped. */
export function flowchartLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[#"<>&`%]/g, (ch) => (ch === '"' ? '#quot;' : entity(ch)))
    .trim()
}

const GANTT_KEYWORDS = /^(section|title|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|click|weekday|weekend|inclusiveenddates|topaxis|acctitle|accdescr|displaymode|gantt)/i

/**
 * Text for a gantt task or section name: `:` ends a name, `#` starts an entity,
 * `;` and `%%` end statements, so they are escaped; a name starting like a
 * keyword gets its first letter escaped so it stays a task.
 */
export function ganttText(text: string): string {
  const escaped = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[#:;%]/g, entity)
  const safe = GANTT_KEYWORDS.test(escaped) ? entity(escaped.charAt(0)) + escaped.slice(1) : escaped
  return safe === '' ? '-' : safe
}

/** Where a deployment lives, for grouping pictures at fleet scale. */
export interface Scope {
  account: string
  region: string
  service: string
}

/**
 * The scope of a deployment id, which is its state key without the file name:
 * `{service}/{account}/{region}/{project}`. Other shapes fall into `other`.
 */
export function scopeFromId(id: string): Scope {
  const parts = id.split('/')
  if (parts.length < 4) return { account: 'other', region: 'other', service: parts[0] || 'other' }
  return { service: parts[0] as string, account: parts[1] as string, region: parts[2] as string }
}
