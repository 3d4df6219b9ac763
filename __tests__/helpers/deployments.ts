import type { DependencyGraph } from '../../src/graph/dag.js'
import type { SelectedDeployment } from '../../src/model/deployment.js'

/** A tfvars deployment of account `acct` in us-east-1, from an id `service/acct/us-east-1/project`. */
export const testDeployment = (id: string, fields: Partial<SelectedDeployment> = {}): SelectedDeployment => ({
  id,
  name: id,
  layout: 'tfvars',
  account: 'acct',
  region: 'us-east-1',
  project: id.split('/').pop() as string,
  services: [id.split('/')[0] as string],
  stateKey: `${id}/terraform.tfstate`,
  rootDir: '.',
  source: `${id}.tfvars`,
  reasons: [{ kind: 'all', text: 'all' }],
  ...fields
})

// The engine tests' small fleet: s3 needs kms; iam stands alone.
export const kms = testDeployment('kms/acct/us-east-1/keys')
export const s3 = testDeployment('s3/acct/us-east-1/data')
export const iam = testDeployment('iam/acct/us-east-1/roles')
/** A fresh graph of the three (callers may not share mutable sets). */
export const threeGraph = (): DependencyGraph =>
  new Map([
    [kms.id, new Set<string>()],
    [s3.id, new Set([kms.id])],
    [iam.id, new Set<string>()]
  ])
