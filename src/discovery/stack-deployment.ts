import type { Deployment } from '../model/deployment.js'
import { assertValidName, printablePath } from '../model/names.js'
import { deploymentIdFromKey, renderStateKey } from '../state/state-key.js'

export interface StackDeploymentInput {
  /** The stack directory `<region>/<service>`, relative to the working directory (posix). */
  dir: string
  /** The region folder's name (the working directory's own name when dir has one segment). */
  region: string
  account: string
  project: string
  keyTemplate: string
  combinedName: string
}

/** One stack-layout deployment: a root module directory whose folder name is its service. */
export function stackDeployment(input: StackDeploymentInput): Deployment {
  const service = input.dir.split('/').pop() as string
  const where = `${printablePath(input.dir)}/`
  assertValidName('service', service, `${where} (the service is the folder name)`)
  assertValidName('region', input.region, `${where} (the region is the parent folder name)`)
  assertValidName('account', input.account, `${where} (layout account)`)
  assertValidName('project', input.project, `${where} (layout project)`)
  const services = [service]
  const stateKey = renderStateKey(
    input.keyTemplate,
    { services, account: input.account, region: input.region, project: input.project },
    input.combinedName
  )
  return {
    id: deploymentIdFromKey(stateKey),
    name: `${input.region}/${service}`,
    layout: 'stacks',
    account: input.account,
    region: input.region,
    project: input.project,
    services,
    stateKey,
    rootDir: input.dir,
    source: `${input.dir}/`
  }
}
