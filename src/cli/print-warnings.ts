import type { DiscoveryWarning } from '../model/deployment.js'
import type { Output } from './output.js'

export function printWarnings(output: Output, warnings: readonly DiscoveryWarning[]): void {
  for (const w of warnings) output.err(`warning: ${w.file}: ${w.message}`)
}
