import type { Config } from '../config/parse-config.js'
import { resolveBinary, type ResolvedBinary } from '../terraform/io/check-binary.js'
import { binaryOf, type RunFlags } from './resolve-run-settings.js'

/**
 * The run's binary check (`version -json`, tens of milliseconds), started as
 * soon as the configuration is read so it runs while the fleet is discovered:
 * `onConfig` goes to loadWorkspace; `binary(settings.binary)` is that check
 * (or a new one, for a binary the run settings name otherwise), awaited in its turn.
 */
export function earlyBinary(
  flags: Pick<RunFlags, 'binary'>,
  env: Record<string, string>
): { onConfig: (config: Config) => void; binary: (name: string) => Promise<ResolvedBinary> } {
  let started: Promise<ResolvedBinary> | undefined
  let name: string | undefined
  return {
    onConfig: (config) => {
      name = binaryOf(config, flags)
      started = resolveBinary(name, env)
      started.catch(() => undefined) // awaited in its turn: a discovery error may come first
    },
    binary: (wanted) => (started && wanted === name ? started : resolveBinary(wanted, env))
  }
}
