import { GENERAL_SERVICE } from '../model/services.js'
import { DEFAULT_SERVICE_DEPENDENCIES } from './defaults.js'
import { closestName } from './did-you-mean.js'
import { ConfigError, type Config } from './parse-config.js'
import { locate } from './yaml-locations.js'

/** Every service name something knows: built-in dependencies, service mappings, discovered deployments. */
export function knownServices(config: Config, discovered: Iterable<string>): Set<string> {
  const known = new Set<string>([GENERAL_SERVICE, ...discovered, ...Object.values(config.serviceMapping)])
  for (const [service, needs] of Object.entries(DEFAULT_SERVICE_DEPENDENCIES)) {
    known.add(service)
    for (const need of needs) known.add(need)
  }
  return known
}

/**
 * Every service the configuration's service_dependencies names (as a key or
 * in a list) must be known; a typo would otherwise drop the ordering silently.
 * Throws one ConfigError listing each unknown name with file, line, key path
 * and the closest known name.
 */
export function assertKnownServices(config: Config, discovered: Iterable<string>): void {
  // Nothing to check: the known names (a fleet's thousands of services) need not be gathered.
  if (Object.keys(config.service_dependencies).length === 0) return
  const known = knownServices(config, discovered)
  const problems: string[] = []
  const check = (name: string, path: (string | number)[]): void => {
    if (known.has(name)) return
    const closest = closestName(name, known)
    const hint = closest ? `did you mean ${JSON.stringify(closest)}?` : `known services: ${[...known].sort().join(', ')}`
    problems.push(
      `${locate(config.file, config.lines, path)}: ${path.join('.')}: unknown service ${JSON.stringify(name)}: no service mapping, built-in service or discovered deployment has it; ${hint}`
    )
  }
  for (const [service, needs] of Object.entries(config.service_dependencies)) {
    check(service, ['service_dependencies', service])
    needs.forEach((need, i) => check(need, ['service_dependencies', service, i]))
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'))
}
