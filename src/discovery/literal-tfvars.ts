// long file: one recursive-descent recognizer; split, its rules would be harder to check against HCL's.
/**
 * A fast path for the common tfvars file: attributes whose values are plain
 * literals (strings without templates or unusual escapes, numbers, booleans,
 * null, lists and objects of them), with `#` and `//` comments. For such text
 * it returns exactly what HashiCorp's parser (hcl2json) returns; for anything
 * else (templates, heredocs, expressions, blocks, block comments, duplicate
 * names, non-ASCII names, any doubt) it returns undefined and the caller asks
 * the real parser, which also owns every error message. Running the Go parser
 * as WebAssembly costs about 0.5 ms per file; this takes a few microseconds.
 */
export function parseLiteralTfvars(text: string): Record<string, unknown> | undefined {
  return read(text, true)
}

/** What skimLiteralTfvars gives for a list or an object: checked, not built. */
export const SKIMMED: unique symbol = Symbol('a literal list or object, not built')

/**
 * parseLiteralTfvars for a caller that needs only the top-level names and
 * scalar values: it accepts and declines exactly the same text, but a list or
 * object value is checked without being built, and is SKIMMED.
 */
export function skimLiteralTfvars(text: string): Record<string, unknown> | undefined {
  return read(text, false)
}

function read(text: string, build: boolean): Record<string, unknown> | undefined {
  try {
    return new Reader(text, build).body()
  } catch (error) {
    if (error === GIVE_UP) return undefined
    throw error
  }
}

const GIVE_UP = Symbol('not a plain literal tfvars file')
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' }

// Character codes: a fleet has thousands of files, and comparing codes allocates nothing.
const TAB = 9
const LF = 10
const CR = 13
const SPACE = 32
const QUOTE = 34
const HASH = 35
const DOLLAR = 36
const PERCENT = 37
const COMMA = 44
const MINUS = 45
const SLASH = 47
const COLON = 58
const EQUALS = 61
const BACKSLASH = 92
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93

const isDigit = (c: number): boolean => c >= 48 && c <= 57
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
/** Where a number or keyword may end: space, tab, line break, `,`, `]`, `}`, `#`, `/` or the end. */
const isDelimiter = (c: number): boolean =>
  Number.isNaN(c) || c === SPACE || c === TAB || c === CR || c === LF || c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || c === HASH || c === SLASH

class Reader {
  private pos = 0
  constructor(
    private readonly text: string,
    /** false: lists and objects are checked but not built (see skimLiteralTfvars). */
    private readonly build: boolean
  ) {}

  private at(offset = 0): number {
    return this.text.charCodeAt(this.pos + offset)
  }

  body(): Record<string, unknown> {
    const keys = new Names()
    const values: unknown[] = []
    for (;;) {
      this.skip(true)
      if (this.pos >= this.text.length) return sortedObject(keys.list, values)
      const name = this.name()
      this.skip(false)
      this.expect(EQUALS)
      this.skip(false)
      const value = this.value()
      if (!keys.add(name)) throw GIVE_UP // "Attribute redefined": the real parser words the error
      values.push(value)
      this.skip(false)
      if (this.pos < this.text.length && !this.newline()) throw GIVE_UP
    }
  }

  private value(): unknown {
    const c = this.at()
    if (c === QUOTE) return this.string()
    if (c === OPEN_BRACKET) return this.tuple()
    if (c === OPEN_BRACE) return this.object()
    if (c === MINUS || isDigit(c)) {
      NUMBER.lastIndex = this.pos
      const match = NUMBER.exec(this.text)
      if (!match) throw GIVE_UP
      this.pos += match[0].length
      this.delimited()
      return Number(match[0])
    }
    const word = this.name()
    this.delimited()
    if (word === 'true') return true
    if (word === 'false') return false
    if (word === 'null') return null
    throw GIVE_UP // a reference or function call: an expression
  }

  private string(): string {
    const text = this.text
    let start = ++this.pos
    let out = ''
    for (;;) {
      const c = text.charCodeAt(this.pos++)
      if (Number.isNaN(c) || c === LF || c === CR) throw GIVE_UP
      if (c === QUOTE) return out + text.slice(start, this.pos - 1)
      if ((c === DOLLAR || c === PERCENT) && text.charCodeAt(this.pos) === OPEN_BRACE) throw GIVE_UP // a template
      if (c === BACKSLASH) {
        const escaped = ESCAPES[text[this.pos++] ?? '']
        if (escaped === undefined) throw GIVE_UP
        // Plain runs are copied in one slice; only escapes are added one by one.
        out += text.slice(start, this.pos - 2) + escaped
        start = this.pos
      }
    }
  }

  private tuple(): unknown[] | typeof SKIMMED {
    this.pos++
    const items: unknown[] = []
    for (;;) {
      this.skip(true)
      if (this.eat(CLOSE_BRACKET)) break
      const item = this.value()
      if (this.build) items.push(item)
      this.skip(true)
      if (this.eat(CLOSE_BRACKET)) break
      this.expect(COMMA)
    }
    return this.build ? items : SKIMMED
  }

  private object(): Record<string, unknown> | typeof SKIMMED {
    this.pos++
    const keys = new Names()
    const values: unknown[] = []
    this.skip(true)
    while (!this.eat(CLOSE_BRACE)) {
      const key = this.at() === QUOTE ? this.string() : this.name()
      if (/[^\x20-\x7e]/.test(key) || key === 'true' || key === 'false' || key === 'null' || !keys.add(key)) throw GIVE_UP
      this.skip(false)
      if (!this.eat(EQUALS) && !this.eat(COLON)) throw GIVE_UP
      this.skip(false)
      const value = this.value()
      if (this.build) values.push(value)
      this.skip(false)
      if (this.eat(CLOSE_BRACE)) break
      if (this.eat(COMMA)) this.skip(true)
      else if (this.newline()) {
        this.skip(true)
        if (this.at() === COMMA) throw GIVE_UP
      } else throw GIVE_UP
    }
    if (!this.build) {
      if (keys.list.includes('__proto__')) throw GIVE_UP // as sortedObject would
      return SKIMMED
    }
    return sortedObject(keys.list, values)
  }

  /** An identifier: a letter or `_`, then letters, digits, `_` and `-`. */
  private name(): string {
    const start = this.pos
    if (!isLetter(this.at())) throw GIVE_UP
    let c: number
    do c = this.text.charCodeAt(++this.pos)
    while (isLetter(c) || isDigit(c) || c === MINUS)
    return this.text.slice(start, this.pos)
  }

  /** Spaces, tabs and line comments; with `newlines` also line breaks. A block comment gives up. */
  private skip(newlines: boolean): void {
    const text = this.text
    for (;;) {
      const c = text.charCodeAt(this.pos)
      if (c === SPACE || c === TAB) this.pos++
      else if (newlines && (c === LF || (c === CR && text.charCodeAt(this.pos + 1) === LF))) this.pos++
      else if (c === HASH || (c === SLASH && text.charCodeAt(this.pos + 1) === SLASH)) {
        while (this.pos < text.length && text.charCodeAt(this.pos) !== LF && text.charCodeAt(this.pos) !== CR) this.pos++
      } else if (c === SLASH || (c === CR && text.charCodeAt(this.pos + 1) !== LF)) throw GIVE_UP
      else return
    }
  }

  private newline(): boolean {
    if (this.at() === LF) return (this.pos += 1) > 0
    if (this.at() === CR && this.at(1) === LF) return (this.pos += 2) > 0
    return false
  }

  /** A number or keyword must end where a value may end. */
  private delimited(): void {
    if (!isDelimiter(this.at())) throw GIVE_UP
  }

  private eat(c: number): boolean {
    if (this.at() !== c) return false
    this.pos++
    return true
  }

  private expect(c: number): void {
    if (!this.eat(c)) throw GIVE_UP
  }
}

/** The names of one object, in order; a scan finds a repeat among the few of a typical object, a Set among many. */
class Names {
  readonly list: string[] = []
  private set: Set<string> | undefined

  /** false when `name` is already there. */
  add(name: string): boolean {
    if (this.set ? this.set.has(name) : this.list.includes(name)) return false
    this.list.push(name)
    if (this.set) this.set.add(name)
    else if (this.list.length > 16) this.set = new Set(this.list)
    return true
  }
}

/** hcl2json's objects come from Go maps, whose JSON has sorted keys. */
function sortedObject(keys: string[], values: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const order = keys.map((_, i) => i).sort((a, b) => ((keys[a] as string) < (keys[b] as string) ? -1 : 1))
  for (const i of order) {
    const key = keys[i] as string
    if (key === '__proto__') throw GIVE_UP // JSON.parse makes it an own key; assignment would not
    out[key] = values[i]
  }
  return out
}
