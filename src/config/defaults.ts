/** tfvars key -> service, as the users' existing orchestrators map them. */
export const DEFAULT_SERVICE_MAPPING: Readonly<Record<string, string>> = {
  s3_buckets: 's3',
  s3_bucket: 's3',
  kms_keys: 'kms',
  kms_key: 'kms',
  iam_roles: 'iam',
  iam_policies: 'iam',
  iam_users: 'iam',
  lambda_functions: 'lambda',
  lambda_function: 'lambda',
  dynamodb_tables: 'dynamodb',
  dynamodb_table: 'dynamodb',
  rds_instances: 'rds',
  rds_clusters: 'rds',
  ec2_instances: 'ec2',
  vpc_configs: 'vpc',
  security_groups: 'vpc',
  sns_topics: 'sns',
  sqs_queues: 'sqs',
  cloudwatch_alarms: 'cloudwatch',
  api_gateways: 'apigateway'
}

const NETWORK_AND_IDENTITY = ['network', 'identity']

/**
 * service -> services it needs first. Covers the OCI stack services and the AWS
 * tfvars services; configuration overrides a service's list or adds services.
 */
export const DEFAULT_SERVICE_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = {
  identity: [],
  kms: [],
  iam: [],
  network: ['identity'],
  dns: ['network'],
  compute: NETWORK_AND_IDENTITY,
  database: NETWORK_AND_IDENTITY,
  oke: NETWORK_AND_IDENTITY,
  loadbalancer: NETWORK_AND_IDENTITY,
  firewall: NETWORK_AND_IDENTITY,
  vpc: [],
  s3: ['kms'],
  lambda: ['iam'],
  dynamodb: ['kms'],
  rds: ['kms', 'vpc'],
  ec2: ['vpc', 'iam'],
  sns: ['kms'],
  sqs: ['kms'],
  cloudwatch: [],
  apigateway: ['lambda']
}

export const DEFAULT_BACKEND_KEY_TEMPLATE = '{service}/{account}/{region}/{project}/terraform.tfstate'
export const DEFAULT_COMBINED_SERVICE = 'combined'
export const DEFAULT_CONFIG_FILE = '.tf-orchestrator.yml'
export const DEFAULT_TIMEOUT_MINUTES = 30
/** The users' cap for cloud API rate limits. */
export const WORKER_CAP = 5

/** Error text that is worth another attempt: lock contention, throttling, flaky networks. */
export const DEFAULT_RETRY_PATTERNS = [
  'Error acquiring the state lock',
  'ConditionalCheckFailedException',
  'PreconditionFailed',
  'Throttling',
  'ThrottlingException',
  'Rate exceeded',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'connection reset by peer',
  'i/o timeout',
  'TLS handshake timeout',
  'unexpected EOF'
]
