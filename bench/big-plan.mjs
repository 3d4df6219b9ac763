// A plan of ~1,000 resources for the policy benchmark: the library's realistic
// sample plan (buckets with companions, KMS, IAM, security groups, RDS, SQS,
// a module) repeated inside distinct module calls, so addresses stay unique
// and companion correlation works as in a real plan.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export function bigPlan(root, target = 1000) {
  const sample = JSON.parse(readFileSync(join(root, 'policies', 'testdata', 'plan.json'), 'utf8'))
  const copies = Math.ceil(target / sample.resource_changes.length)
  const plan = { ...sample, resource_changes: [], configuration: { ...sample.configuration, root_module: { module_calls: {} } } }
  for (let i = 0; i < copies; i++) {
    const name = `copy_${i}`
    for (const rc of sample.resource_changes) {
      plan.resource_changes.push({
        ...rc,
        address: `module.${name}.${rc.address}`,
        module_address: rc.module_address ? `module.${name}.${rc.module_address}` : `module.${name}`
      })
    }
    plan.configuration.root_module.module_calls[name] = { source: `./copy-${i}`, module: sample.configuration.root_module }
  }
  return plan
}
