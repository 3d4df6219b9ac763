// Markdown building blocks for GitHub comments, issues and job summaries.
// Callers pass text that is already redacted: nothing here redacts.

/** A table cell: pipes escaped, newlines as <br>, so one value never breaks the row. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')
}

/** An inline code span that stays one span whatever backticks the text holds. */
export function codeSpan(text: string): string {
  const clean = text.replace(/\r?\n/g, ' ')
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${clean}${pad}${fence}`
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function fencedBlock(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${lang}\n${text.replace(/\n+$/, '')}\n${fence}`
}

/** HTML text escaping for <summary> lines (GitHub renders them as HTML). */
export function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ')
}

/** A collapsible block; a blank line after <summary> lets Markdown render inside. */
export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`
}

/** A Markdown table from header and already escaped cells. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}

/** Seconds with one decimal, or minutes and seconds past a minute. */
export function duration(ms: number | undefined): string {
  if (ms === undefined) return '-'
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`
  const total = Math.round(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return h > 0 ? `${h}h ${m}m ${s}s` : `${m}m ${s}s`
}

/** UTF-8 size, which is what GitHub's 1 MiB step summary limit counts. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length
}
