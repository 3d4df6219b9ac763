// Synthetic tfvars fleets for the scale benchmarks (`npm run bench`, discovery
// and run figures): N deployments of one shared root module spread over
// accounts x regions, with services chained by the default
// service_dependencies (apigateway -> lambda -> iam, s3/sqs/sns/dynamodb -> kms,
// rds -> kms + vpc, ec2 -> vpc + iam), so every scope has a real dependency graph.
//   node bench/tfvars-fleet.mjs <dir> <count> <accounts> <regions>
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// tfvars key of each service, weighted: the foundation services are fewer.
const SERVICES = [
  ['kms_keys', 'kms', 2],
  ['iam_roles', 'iam', 2],
  ['vpc_configs', 'vpc', 1],
  ['s3_buckets', 's3', 4],
  ['lambda_functions', 'lambda', 3],
  ['sqs_queues', 'sqs', 2],
  ['dynamodb_tables', 'dynamodb', 2],
  ['rds_instances', 'rds', 1],
  ['ec2_instances', 'ec2', 1],
  ['api_gateways', 'apigateway', 1]
]
const WHEEL = SERVICES.flatMap((s) => Array.from({ length: s[2] }, () => s))

const ROOT = `terraform {
  backend "local" {}
}

variable "account_name" {}
variable "region" {}
variable "items" {
  type    = map(string)
  default = {}
}

module "naming" {
  source = "./modules/naming"
  prefix = "\${var.account_name}-\${var.region}"
}

resource "terraform_data" "item" {
  for_each = var.items
  input    = "\${module.naming.prefix}-\${each.value}"
}
`
const NAMING = 'variable "prefix" {}\noutput "prefix" { value = var.prefix }\n'

/**
 * Writes the fleet into `dir` (replacing it): root module, one local module,
 * `count` tfvars files round-robin over `accounts` x `regions`. Returns the
 * tfvars paths (relative to dir).
 */
export function tfvarsFleet(dir, count, accounts, regions) {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'modules', 'naming'), { recursive: true })
  writeFileSync(join(dir, 'main.tf'), ROOT)
  writeFileSync(join(dir, 'modules', 'naming', 'main.tf'), NAMING)
  writeFileSync(join(dir, '.tf-orchestrator.yml'), 'policies:\n  mode: off\n')
  const files = []
  for (let i = 0; i < count; i++) {
    const account = `acct-${String(i % accounts).padStart(3, '0')}`
    const region = `region-${Math.floor(i / accounts) % regions}`
    const [key, service] = WHEEL[Math.floor(i / (accounts * regions)) % WHEEL.length]
    const project = `p${String(i).padStart(5, '0')}`
    const folder = join('deployments', account, region, service, project)
    mkdirSync(join(dir, folder), { recursive: true })
    const file = join(folder, `${project}.tfvars`)
    writeFileSync(
      join(dir, file),
      `# ${project}: synthetic ${service} deployment\naccount_name = "${account}"\nregion       = "${region}"\n\n` +
        `tags = {\n  Owner = "team-${i % 17}@example.com"\n  CostCenter = "CC-${1000 + (i % 50)}"\n}\n\n` +
        `${key} = {\n  "${project}-a" = { description = "first" }\n  "${project}-b" = { description = "second" }\n}\n\n` +
        `items = { a = "${project}-a", b = "${project}-b" }\n`
    )
    files.push(file)
  }
  return files
}

if (process.argv[1] === import.meta.filename) {
  const [dir, count = '1000', accounts = '10', regions = '4'] = process.argv.slice(2)
  if (!dir) throw new Error('usage: node bench/tfvars-fleet.mjs <dir> <count> <accounts> <regions>')
  const files = tfvarsFleet(dir, Number(count), Number(accounts), Number(regions))
  console.log(`${files.length} deployments in ${dir}`)
}
