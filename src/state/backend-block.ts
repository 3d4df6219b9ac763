/** A `backend "<type>"` (or `cloud`) block inside a `terraform` block, with its line. */
export interface BackendBlock {
  type: string
  line: number
}

interface Token {
  kind: 'word' | 'string' | '{' | '}'
  text: string
  line: number
}

const WORD = /[A-Za-z_][A-Za-z0-9_-]*/y
const HEREDOC = /<<-?([A-Za-z_][A-Za-z0-9_]*)[^\n]*\n/y

/** Where the heredoc starting at `i` ends, or undefined when there is none. */
function heredocAt(text: string, i: number): number | undefined {
  HEREDOC.lastIndex = i
  const opened = HEREDOC.exec(text)
  if (!opened) return undefined
  const end = new RegExp(`^[ \\t]*${opened[1] ?? ''}[ \\t]*$`, 'm').exec(text.slice(HEREDOC.lastIndex))
  return end ? HEREDOC.lastIndex + end.index + end[0].length : text.length
}

/** Words, strings and braces of HCL text, with comments and heredocs skipped (enough to find blocks). */
function tokens(text: string): Token[] {
  const found: Token[] = []
  let line = 1
  let i = 0
  const advance = (to: number): void => {
    for (; i < to; i++) if (text[i] === '\n') line++
  }
  while (i < text.length) {
    const c = text[i] as string
    const rest = text.startsWith('//', i) || c === '#' ? 'line' : text.startsWith('/*', i) ? 'block' : undefined
    if (rest === 'line') advance(text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i))
    else if (rest === 'block') advance(text.indexOf('*/', i + 2) === -1 ? text.length : text.indexOf('*/', i + 2) + 2)
    else if (c === '"') {
      const start = line
      let j = i + 1
      let value = ''
      for (; j < text.length && text[j] !== '"' && text[j] !== '\n'; j++) value += text[j] === '\\' ? (text[++j] ?? '') : text[j]
      found.push({ kind: 'string', text: value, line: start })
      advance(j + 1)
    } else if (c === '{' || c === '}') {
      found.push({ kind: c, text: c, line })
      advance(i + 1)
    } else if (c === '<' && heredocAt(text, i) !== undefined) {
      advance(heredocAt(text, i) as number)
    } else if (((WORD.lastIndex = i), WORD.test(text))) {
      found.push({ kind: 'word', text: text.slice(i, WORD.lastIndex), line })
      advance(WORD.lastIndex)
    } else advance(i + 1)
  }
  return found
}

/**
 * The backend blocks a .tf file declares: `backend "s3" {}` (or `cloud {}`,
 * type `cloud`) directly inside a top-level `terraform` block. Comments,
 * strings and heredocs cannot fake one.
 */
export function backendBlocks(text: string): BackendBlock[] {
  const list = tokens(text)
  const found: BackendBlock[] = []
  let depth = 0
  let terraformDepth: number | undefined
  list.forEach((token, index) => {
    const next = list[index + 1]
    if (token.kind === '{') {
      const opener = list[index - 1]
      if (depth === 0 && opener?.kind === 'word' && opener.text === 'terraform') terraformDepth = 1
      depth++
    } else if (token.kind === '}') {
      depth = Math.max(0, depth - 1)
      if (terraformDepth !== undefined && depth < terraformDepth) terraformDepth = undefined
    } else if (terraformDepth === depth && token.kind === 'word') {
      if (token.text === 'backend' && next?.kind === 'string' && list[index + 2]?.kind === '{') found.push({ type: next.text, line: token.line })
      if (token.text === 'cloud' && next?.kind === '{') found.push({ type: 'cloud', line: token.line })
    }
  })
  return found
}

/** Why a root module's backend blocks do not fit the configured store (`local` or `s3`), or undefined. */
export function backendProblem(storeType: 'local' | 's3', blocks: { file: string; block: BackendBlock }[]): string | undefined {
  const where = (b: { file: string; block: BackendBlock }): string => `${b.file}:${b.block.line}`
  if (blocks.length > 1) return `more than one backend block: ${blocks.map(where).join(', ')}`
  const only = blocks[0]
  // Without a block OpenTofu ignores -backend-config: every deployment would share one terraform.tfstate in the module folder.
  if (!only) return `declares no backend block, so every deployment of it would share one state file: add \`backend "${storeType}" {}\` to its terraform block`
  if (only.block.type === storeType) return undefined
  return `${where(only)}: backend "${only.block.type}" does not match state.type: ${storeType} in the configuration (declare \`backend "${storeType}" {}\`, or change state.type)`
}
