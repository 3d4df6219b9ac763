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
  try {
    return new Reader(text).body()
  } catch (error) {
    if (error === GIVE_UP) return undefined
    throw error
  }
}

const GIVE_UP = Symbol('not a plain literal tfvars file')
const NAME = /[A-Za-z_][A-Za-z0-9_-]*/y
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' }

class Reader {
  private pos = 0
  constructor(private readonly text: string) {}

  body(): Record<string, unknown> {
    const entries = new Map<string, unknown>()
    for (;;) {
      this.skip(true)
      if (this.pos >= this.text.length) return sortedObject(entries)
      const name = this.name()
      this.skip(false)
      this.expect('=')
      this.skip(false)
      const value = this.value()
      if (entries.has(name)) throw GIVE_UP // "Attribute redefined": the real parser words the error
      entries.set(name, value)
      this.skip(false)
      if (this.pos < this.text.length && !this.newline()) throw GIVE_UP
    }
  }

  private value(): unknown {
    const c = this.text[this.pos]
    if (c === '"') return this.string()
    if (c === '[') return this.tuple()
    if (c === '{') return this.object()
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
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
    this.pos++
    let out = ''
    for (;;) {
      const c = this.text[this.pos++]
      if (c === undefined || c === '\n' || c === '\r') throw GIVE_UP
      if (c === '"') return out
      if ((c === '$' || c === '%') && this.text[this.pos] === '{') throw GIVE_UP // a template
      if (c === '\\') {
        const escaped = ESCAPES[this.text[this.pos++] ?? '']
        if (escaped === undefined) throw GIVE_UP
        out += escaped
      } else out += c
    }
  }

  private tuple(): unknown[] {
    this.pos++
    const items: unknown[] = []
    for (;;) {
      this.skip(true)
      if (this.eat(']')) return items
      items.push(this.value())
      this.skip(true)
      if (this.eat(']')) return items
      this.expect(',')
    }
  }

  private object(): Record<string, unknown> {
    this.pos++
    const entries = new Map<string, unknown>()
    this.skip(true)
    while (!this.eat('}')) {
      const key = this.text[this.pos] === '"' ? this.string() : this.name()
      if (entries.has(key) || /[^\x20-\x7e]/.test(key) || key === 'true' || key === 'false' || key === 'null') throw GIVE_UP
      this.skip(false)
      if (!this.eat('=') && !this.eat(':')) throw GIVE_UP
      this.skip(false)
      entries.set(key, this.value())
      this.skip(false)
      if (this.eat('}')) break
      if (this.eat(',')) this.skip(true)
      else if (this.newline()) {
        this.skip(true)
        if (this.text[this.pos] === ',') throw GIVE_UP
      } else throw GIVE_UP
    }
    return sortedObject(entries)
  }

  private name(): string {
    NAME.lastIndex = this.pos
    const match = NAME.exec(this.text)
    if (!match) throw GIVE_UP
    this.pos += match[0].length
    return match[0]
  }

  /** Spaces, tabs and line comments; with `newlines` also line breaks. A block comment gives up. */
  private skip(newlines: boolean): void {
    for (;;) {
      const c = this.text[this.pos]
      if (c === ' ' || c === '\t') this.pos++
      else if (newlines && (c === '\n' || (c === '\r' && this.text[this.pos + 1] === '\n'))) this.pos++
      else if (c === '#' || (c === '/' && this.text[this.pos + 1] === '/')) {
        while (this.pos < this.text.length && this.text[this.pos] !== '\n' && this.text[this.pos] !== '\r') this.pos++
      } else if (c === '/' || (c === '\r' && this.text[this.pos + 1] !== '\n')) throw GIVE_UP
      else return
    }
  }

  private newline(): boolean {
    if (this.text[this.pos] === '\n') return (this.pos += 1) > 0
    if (this.text[this.pos] === '\r' && this.text[this.pos + 1] === '\n') return (this.pos += 2) > 0
    return false
  }

  /** A number or keyword must end where a value may end. */
  private delimited(): void {
    const c = this.text[this.pos]
    if (c !== undefined && !' \t\r\n,]}#/'.includes(c)) throw GIVE_UP
  }

  private eat(c: string): boolean {
    if (this.text[this.pos] !== c) return false
    this.pos++
    return true
  }

  private expect(c: string): void {
    if (!this.eat(c)) throw GIVE_UP
  }
}

/** hcl2json's objects come from Go maps, whose JSON has sorted keys. */
function sortedObject(entries: Map<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of [...entries.keys()].sort()) {
    if (key === '__proto__') throw GIVE_UP // JSON.parse makes it an own key; assignment would not
    out[key] = entries.get(key)
  }
  return out
}
