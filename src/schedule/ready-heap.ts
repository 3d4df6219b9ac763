/**
 * A binary heap of ids, best first by `before`. Entries may go stale (started,
 * skipped); the owner drops them when they reach the top.
 */
export class ReadyHeap {
  private readonly items: string[] = []

  constructor(private readonly before: (a: string, b: string) => boolean) {}

  get size(): number {
    return this.items.length
  }

  /** Every entry, stale ones included, in no particular order. */
  entries(): readonly string[] {
    return this.items
  }

  push(id: string): void {
    const items = this.items
    let i = items.push(id) - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.before(id, items[parent] as string)) break
      items[i] = items[parent] as string
      i = parent
    }
    items[i] = id
  }

  peek(): string | undefined {
    return this.items[0]
  }

  pop(): string | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (items.length === 0 || last === undefined) return top
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      if (left >= items.length) break
      const right = left + 1
      const child = right < items.length && this.before(items[right] as string, items[left] as string) ? right : left
      if (!this.before(items[child] as string, last)) break
      items[i] = items[child] as string
      i = child
    }
    items[i] = last
    return top
  }
}
