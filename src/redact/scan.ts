/** What to put in place of a match, starting `start` characters before the match (a left-extended match). */
export interface Replacement {
  start: number
  text: string
}

/**
 * Like String.replace with a global regex, but the callback may extend a match to the left (down
 * to the end of the previous replacement). Patterns can then start on a rare literal (`@`, a
 * keyword) that the regex engine finds fast, instead of on a lookbehind tried at every position.
 */
export function replaceExtended(text: string, re: RegExp, replace: (m: RegExpExecArray, floor: number) => Replacement | undefined): string {
  let out = ''
  let copied = 0
  re.lastIndex = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++
      continue
    }
    const r = replace(m, copied)
    if (r === undefined || r.start < copied) continue
    out += text.slice(copied, r.start) + r.text
    copied = m.index + m[0].length
  }
  return copied === 0 ? text : out + text.slice(copied)
}

/** Index where a run of characters matching `allowed` that ends at `end` begins (not before `floor`). */
export function runStart(text: string, end: number, floor: number, allowed: RegExp): number {
  let i = end
  while (i > floor && allowed.test(text[i - 1]!)) i--
  return i
}
