import type { Deployment } from '../../src/model/deployment.js'
import { buildExecutionGraph, type ExecutionGraph } from '../../src/graph/deployment-graph.js'

/** mulberry32: a tiny seeded PRNG, so a fleet is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** kms <- s3, iam <- everything: the shape of an AWS fleet's service dependencies. */
export const FLEET_SERVICE_DEPENDENCIES: Record<string, string[]> = {
  iam: [],
  kms: [],
  vpc: [],
  s3: ['kms', 'iam'],
  dynamodb: ['kms', 'iam'],
  lambda: ['s3', 'iam'],
  rds: ['kms', 'vpc', 'iam'],
  ec2: ['vpc', 'iam'],
  sqs: ['iam'],
  sns: ['iam'],
  cloudwatch: ['iam']
}

const ACCOUNTS = Array.from({ length: 10 }, (_, i) => `acct-${String(i).padStart(2, '0')}`)
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1']
// Weighted: storage and keys are common, databases rare.
const SERVICES = ['s3', 's3', 's3', 'kms', 'kms', 'iam', 'lambda', 'lambda', 'dynamodb', 'rds', 'vpc', 'ec2', 'sqs', 'sns', 'cloudwatch']

export interface Fleet {
  deployments: Deployment[]
  graph: ExecutionGraph
  /** Recorded durations (ms); about one in ten deployments has none. */
  history: Record<string, number>
  explicit: Record<string, string[]>
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T

/**
 * `size` deployments over 10 accounts x 5 regions. IAM is global, so each account
 * deploys it in one home region only: there everything waits for it and the
 * scope is one large component; elsewhere kms/vpc join smaller groups and
 * sqs/sns/cloudwatch stand alone. Two explicit edges cross accounts.
 */
export function syntheticFleet(seed: number, size = 500): Fleet {
  const random = prng(seed)
  const home = new Map(ACCOUNTS.map((a) => [a, pick(REGIONS, random)]))
  const deployments: Deployment[] = []
  const history: Record<string, number> = {}
  for (let i = 0; i < size; i++) {
    const account = pick(ACCOUNTS, random)
    const service = pick(SERVICES, random)
    const region = service === 'iam' ? (home.get(account) as string) : pick(REGIONS, random)
    const project = `p${String(i).padStart(3, '0')}`
    const id = `${service}/${account}/${region}/${project}`
    deployments.push({ id, name: id, layout: 'tfvars', account, region, project, services: [service], stateKey: `${id}/terraform.tfstate`, rootDir: '.', source: id })
    // 20 s to 10 min, log-uniform: most are quick, a few are slow.
    if (random() >= 0.1) history[id] = Math.round(20_000 * Math.pow(30, random()))
  }
  const first = (prefix: string): string | undefined => deployments.find((d) => d.id.startsWith(prefix))?.id
  const explicit: Record<string, string[]> = {}
  for (const [from, to] of [
    ['lambda/acct-03/', 'kms/acct-07/'],
    ['s3/acct-05/', 'iam/acct-01/']
  ] as const) {
    const a = first(from)
    const b = first(to)
    // A tiny fleet may lack one end; 500 deployments always have both.
    if (a && b) explicit[a] = [b]
  }
  const graph = buildExecutionGraph({ all: deployments, serviceDependencies: FLEET_SERVICE_DEPENDENCIES, explicit })
  return { deployments, graph, history, explicit }
}
