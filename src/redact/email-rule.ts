import { MARKER, type RedactionRule } from './rule.js'
import { replaceExtended, runStart } from './scan.js'

// Found from its '@' (a fast literal scan); the local part is read leftwards from there.
const DOMAIN = /@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g
const LOCAL = /[\w.%+-]/

/** Email addresses; `git@host` (an SSH module source, not a person) is kept. */
export const emailRule: RedactionRule = {
  name: 'email',
  kind: 'identifier',
  apply: (text) =>
    replaceExtended(text, DOMAIN, (m, floor) => {
      const start = runStart(text, m.index, floor, LOCAL)
      const local = text.slice(start, m.index)
      if (local === '' || local === 'git' || !/\.[A-Za-z]{2,}$/.test(m[1]!)) return undefined
      return { start, text: MARKER }
    })
}
