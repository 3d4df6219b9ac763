/** The service of a deployment whose tfvars name no known service key. */
export const GENERAL_SERVICE = 'general'

/**
 * Services a tfvars deployment manages, from its top-level keys through
 * `mapping` (tfvars key -> service). Sorted and without duplicates.
 */
export function detectServices(keys: Iterable<string>, mapping: Readonly<Record<string, string>>): string[] {
  // An array, not a Set: a file has a handful of keys and usually one service, and a fleet has thousands of files.
  const services: string[] = []
  for (const key of keys) {
    const service = mapping[key]
    if (service !== undefined && !services.includes(service)) services.push(service)
  }
  return services.length === 0 ? [GENERAL_SERVICE] : services.sort()
}
