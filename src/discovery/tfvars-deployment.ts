import type { Deployment } from '../model/deployment.js'
import { assertValidName, nameProblem, printablePath } from '../model/names.js'
import { detectServices } from '../model/services.js'
import { deploymentIdFromKey, renderStateKey } from '../state/state-key.js'
import { lineOfAttribute } from './source-lines.js'
import { DiscoveryError } from './discovery-error.js'
import { shortMessage } from './short-message.js'

export interface TfvarsDeploymentInput {
  /** The .tfvars or .tfvars.json file, relative to the working directory (posix). */
  file: string
  /** Its text, for line numbers in errors. */
  text: string
  /** Its contents as parsed by the HCL parser; only the top-level names and the account_name and region values are read. */
  values: Record<string, unknown>
  /** The shared root module, relative to the working directory. */
  rootDir: string
  serviceMapping: Readonly<Record<string, string>>
  keyTemplate: string
  combinedName: string
}

/**
 * One deployment of the shared root module from one tfvars file: account and
 * region from its contents, project from its folder, services from its keys.
 */
export function tfvarsDeployment(input: TfvarsDeploymentInput): Deployment {
  const { text, values } = input
  const file = printablePath(input.file)
  const account = requiredString(values, 'account_name', file, text)
  const region = requiredString(values, 'region', file, text)
  const folders = input.file.split('/')
  const project = folders.length > 1 ? (folders[folders.length - 2] as string) : ''
  // Where a name is wrong is worked out only for the message: a fleet has thousands of valid files.
  if (nameProblem(account)) assertValidName('account', account, `${file}:${lineOfAttribute(text, 'account_name') ?? 1}`)
  if (nameProblem(region)) assertValidName('region', region, `${file}:${lineOfAttribute(text, 'region') ?? 1}`)
  if (nameProblem(project)) assertValidName('project', project, `${file} (the project is the name of the file's folder)`)
  const services = detectServices(Object.keys(values), input.serviceMapping)
  for (const service of services) if (nameProblem(service)) assertValidName('service', service, `${file} (service mapping)`)
  const stateKey = renderStateKey(input.keyTemplate, { services, account, region, project }, input.combinedName)
  return {
    id: deploymentIdFromKey(stateKey),
    name: `${account}/${region}/${project}`,
    layout: 'tfvars',
    account,
    region,
    project,
    services,
    stateKey,
    rootDir: input.rootDir,
    varFile: input.file,
    source: input.file
  }
}

function requiredString(values: Record<string, unknown>, key: string, file: string, text: string): string {
  const value = values[key]
  if (typeof value === 'string' && !value.includes('${')) return value
  const line = lineOfAttribute(text, key)
  if (value === undefined) {
    throw new DiscoveryError(`${file}:1: ${key} is missing: every deployment's tfvars needs a top-level \`${key} = "..."\``)
  }
  if (typeof value !== 'string' || value.includes('${')) {
    throw new DiscoveryError(`${file}:${line ?? 1}: ${key} must be a literal string, found ${shortMessage(JSON.stringify(value) ?? String(value), 80)}`)
  }
  return value
}
