import { MARKER, type RedactionRule } from './rule.js'

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
// A dotted quad not glued to a word or another dotted part. A 4-part version such as 1.2.3.4 is
// indistinguishable from an address and is redacted; `v1.2.3.4` (glued to a letter) is kept.
const IPV4 = new RegExp(`(?<!\\w|\\w\\.)(${OCTET}(?:\\.${OCTET}){3})(\\/\\d{1,2})?(?!\\w|\\.\\w)`, 'g')
// EC2 host names that spell an address: ip-10-0-1-23.ec2.internal, ec2-54-12-34-56.compute-1...
const DASHED_HOST = /\b(ip|ec2)-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}\b/g
// A candidate IPv6 address (validated below); every repetition ends on ':' so matching is linear.
// Not after a word, a dot, or `hex:` (the middle of an address, or an ARN like ec2::). The check
// of what precedes sits after the first character, so the engine can skip ahead on that class.
const NOT_AFTER = '(?:[\\w.]|[0-9A-Fa-f:]:)'
const IPV6 = new RegExp(
  `(?:[0-9A-Fa-f](?<!${NOT_AFTER}.)[0-9A-Fa-f]{0,3}:|:(?<!${NOT_AFTER}.))(?:[0-9A-Fa-f]{0,4}:){1,6}` +
    `(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f]{0,4})(%[\\w.]+)?(\\/\\d{1,3})?(?![\\w:]|\\.\\w)`,
  'g'
)

// Well-known addresses that reveal nothing and matter to a reviewer (0.0.0.0/0 means "open to all").
const KEPT = new Set(['0.0.0.0', '127.0.0.1', '169.254.169.254', '::', '::1'])

const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/
const DOTTED = /^(?:\d{1,3}\.){3}\d{1,3}$/

/** Number of 16-bit groups of an IPv6 address, or undefined when it is not one. */
function ipv6Groups(address: string): number | undefined {
  const halves = address.split('::')
  if (halves.length > 2) return undefined
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')))
  let count = 0
  for (const [i, g] of groups.entries()) {
    if (HEX_GROUP.test(g)) count += 1
    else if (i === groups.length - 1 && DOTTED.test(g)) count += 2
    else return undefined
  }
  if (halves.length === 1) return count === 8 ? count : undefined
  return count <= 7 ? count : undefined
}

/** IPv4 addresses and CIDR blocks; the prefix length is kept (10.0.0.0/16 becomes the marker then /16): it tells the size, not the place. */
export const ipv4Rule: RedactionRule = {
  name: 'ipv4',
  kind: 'identifier',
  apply: (text) =>
    text
      .replace(IPV4, (match, address: string, prefix?: string) => (KEPT.has(address) ? match : `${MARKER}${prefix ?? ''}`))
      .replace(DASHED_HOST, (_m, kind: string) => `${kind}-${MARKER}`)
}

/** IPv6 addresses (compressed, full, with an IPv4 tail, a zone or a prefix length, which is kept). */
export const ipv6Rule: RedactionRule = {
  name: 'ipv6',
  kind: 'identifier',
  apply: (text) =>
    text.replace(IPV6, (match: string, zone?: string, prefix?: string) => {
      const address = match.slice(0, match.length - (zone ?? '').length - (prefix ?? '').length)
      const groups = ipv6Groups(address)
      // One group and no prefix (`ec2::`, `::1`) is far more often something else.
      if (groups === undefined || KEPT.has(address) || (groups < 2 && prefix === undefined)) return match
      return `${MARKER}${prefix ?? ''}`
    })
}
