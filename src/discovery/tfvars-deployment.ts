import type { Deployment } from '../model/deployment.js'
import { assertValidName, nameProblem, printablePath } from '../model/names.js'
import { detectServices } from '../model/services.js'
import { lineOfAttribute } from './source-lines.js'
import { DiscoveryError } from './discovery-error.js'
import { shortMessage } from './short-message.js'
import { deploymentIdFromKey } from '../state/state-key.js'
import { stateKeyRenderer } from './state-key-renderer.js'

/** What every deployment of one tfvars layout shares. */
export interface TfvarsSettings {
  /** The shared root module, relative to the working directory. */
  rootDir: string
  serviceMapping: Readonly<Record<string, string>>
  keyTemplate: string
  combinedName: string
}

export interface TfvarsDeploymentInput extends TfvarsSettings {
  /** The .tfvars or .tfvars.json file, relative to the working directory (posix). */
  file: string
  /** Its text, for line numbers in errors. */
  text: string
  /** Its contents as parsed by the HCL parser; only the top-level names and the account_name and region values are read. */
  values: Record<string, unknown>
}

/**
 * Makes one deployment from a file, its values and (for error messages only)
 * a way to its text. `names` are the values' top-level names when the caller
 * has them (the same array for many files: their services are worked out once).
 */
export type TfvarsDeploymentMaker = (file: string, values: Record<string, unknown>, text: (file: string) => string, names?: readonly string[]) => Deployment

/**
 * One deployment of the shared root module from one tfvars file: account and
 * region from its contents, project from its folder, services from its keys.
 */
export function tfvarsDeployment(input: TfvarsDeploymentInput): Deployment {
  return tfvarsDeployments(input)(input.file, input.values, () => input.text)
}

/**
 * tfvarsDeployment for the many files of one layout: the key template is read
 * once and each service name checked once, not once per file.
 */
export function tfvarsDeployments(settings: TfvarsSettings): TfvarsDeploymentMaker {
  const renderKey = stateKeyRenderer(settings.keyTemplate, settings.combinedName)
  const mapping = settings.serviceMapping
  const checked = new Set<string>()
  const known = new Map<readonly string[], string[]>()
  const nameParts = ['', '', '']
  return (path, values, text, names) => {
    const account = requiredString(values, 'account_name', path, text)
    const region = requiredString(values, 'region', path, text)
    // The folder's name, without splitting the whole path.
    const slash = path.lastIndexOf('/')
    const project = slash < 0 ? '' : path.slice(path.lastIndexOf('/', slash - 1) + 1, slash)
    // Where a name is wrong is worked out only for the message: a fleet has thousands of valid files.
    if (nameProblem(account)) assertValidName('account', account, `${printablePath(path)}:${lineOfAttribute(text(path), 'account_name') ?? 1}`)
    if (nameProblem(region)) assertValidName('region', region, `${printablePath(path)}:${lineOfAttribute(text(path), 'region') ?? 1}`)
    if (nameProblem(project)) assertValidName('project', project, `${printablePath(path)} (the project is the name of the file's folder)`)
    let services: string[]
    if (names === undefined) services = detectServices(Object.keys(values), mapping)
    else {
      let shared = known.get(names)
      if (!shared) known.set(names, (shared = detectServices(names, mapping)))
      // Each deployment owns its array.
      services = shared.slice()
    }
    for (let i = 0; i < services.length; i++) {
      const service = services[i] as string
      if (checked.has(service)) continue
      assertValidName('service', service, `${printablePath(path)} (service mapping)`)
      checked.add(service)
    }
    const stateKey = renderKey(services, account, region, project)
    // Joined, not a template: one flat string rather than pieces kept and copied later (a fleet keeps ten thousand).
    nameParts[0] = account
    nameParts[1] = region
    nameParts[2] = project
    return {
      id: deploymentIdFromKey(stateKey),
      name: nameParts.join('/'),
      layout: 'tfvars',
      account,
      region,
      project,
      services,
      stateKey,
      rootDir: settings.rootDir,
      varFile: path,
      source: path
    }
  }
}

function requiredString(values: Record<string, unknown>, key: string, path: string, text: (file: string) => string): string {
  const value = values[key]
  if (typeof value === 'string' && !value.includes('${')) return value
  const file = printablePath(path)
  const line = lineOfAttribute(text(path), key)
  if (value === undefined) {
    throw new DiscoveryError(`${file}:1: ${key} is missing: every deployment's tfvars needs a top-level \`${key} = "..."\``)
  }
  if (typeof value !== 'string' || value.includes('${')) {
    throw new DiscoveryError(`${file}:${line ?? 1}: ${key} must be a literal string, found ${shortMessage(JSON.stringify(value) ?? String(value), 80)}`)
  }
  return value
}
