/** A discovery problem that stops the run; the message names the file (and line). */
export class DiscoveryError extends Error {
  override name = 'DiscoveryError'
}
