// Builds the synthetic fleets the benchmarks run: terraform_data deployments
// whose local-exec sleeps give known durations.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const stack = (sleepSeconds) => `terraform {
  backend "local" {}
}

resource "terraform_data" "work" {
  input = ${sleepSeconds}
${sleepSeconds > 0 ? `  provisioner "local-exec" {
    command     = "sleep ${sleepSeconds}"
    interpreter = ["/bin/sh", "-c"]
  }
` : ''}}
`

/**
 * A skewed DAG of 40 stacks in 4 levels (a, b, c, d; 10 each). Chain i is
 * a_i -> b_i -> c_i -> d_i (2 s each, b02 6 s); a01 (20 s) has no dependents.
 * Level barriers make every later level wait for a01; the DAG scheduler does not.
 */
export function skewedFleet(dir) {
  const durations = {}
  const deps = {}
  for (let i = 1; i <= 10; i++) {
    const n = String(i).padStart(2, '0')
    durations[`a${n}`] = i === 1 ? 20 : 2
    durations[`b${n}`] = i === 2 ? 6 : 2
    durations[`c${n}`] = 2
    durations[`d${n}`] = 2
    // Chain 1 hangs off a02 so that a01 stays a lone long job.
    deps[`b${n}`] = [i === 1 ? 'a02' : `a${n}`]
    deps[`c${n}`] = [`b${n}`]
    deps[`d${n}`] = [`c${n}`]
  }
  for (const [service, seconds] of Object.entries(durations)) {
    mkdirSync(join(dir, 'region', service), { recursive: true })
    writeFileSync(join(dir, 'region', service, 'main.tf'), stack(seconds))
  }
  const lines = ['layouts:', '  - type: stacks', '    roots: [region]', 'policies:', '  mode: off', 'service_dependencies:']
  for (const [service, needs] of Object.entries(deps)) lines.push(`  ${service}: [${needs.join(', ')}]`)
  writeFileSync(join(dir, '.tf-orchestrator.yml'), `${lines.join('\n')}\n`)
  return { durations, deps }
}

/** N trivial deployments of one shared root module (tfvars layout). */
export function trivialFleet(dir, count) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'main.tf'),
    'terraform {\n  backend "local" {}\n}\nvariable "account_name" {}\nvariable "region" {}\nvariable "items" { default = {} }\n' +
      'resource "terraform_data" "item" {\n  for_each = var.items\n  input    = each.value\n}\n'
  )
  // The shell loop it is compared with evaluates no policies; the policy gate has its own benchmark.
  writeFileSync(join(dir, '.tf-orchestrator.yml'), 'policies:\n  mode: off\n')
  const files = []
  for (let i = 1; i <= count; i++) {
    const project = `p${String(i).padStart(3, '0')}`
    const file = join('deployments', project, `${project}.tfvars`)
    mkdirSync(join(dir, 'deployments', project), { recursive: true })
    writeFileSync(join(dir, file), `account_name = "bench"\nregion = "r1"\nitems = { a = "${project}-a", b = "${project}-b" }\n`)
    files.push({ project, file })
  }
  return files
}
