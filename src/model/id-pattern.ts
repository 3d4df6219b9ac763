/**
 * A pattern over deployment ids: `*` matches within one path segment, `**`
 * across segments (`s3/acme-dev/**` is every s3 deployment of acme-dev).
 */
export function idPattern(pattern: string): RegExp {
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const body = pattern
    .split('**')
    .map((part) => part.split('*').map(escape).join('[^/]*'))
    .join('.*')
  return new RegExp(`^${body}$`)
}
