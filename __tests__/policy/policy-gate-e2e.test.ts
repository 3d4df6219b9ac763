import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import type { DeploymentResult } from '../../src/model/run-result.js'
import { lastSummary } from '../helpers/stacks.js'
import { repoRoot, tempDir } from '../helpers/temp-dir.js'

const quiet = { out: () => undefined, err: () => undefined }
const KMS = 'deployments/acme-dev/us-east-1/KMS/platform-keys/platform-keys.tfvars'
const KMS_ID = 'kms/acme-dev/us-east-1/platform-keys'
const S3_ID = 's3/acme-dev/us-east-1/payments-data'

/** A copy of the aws-fleet example in which one KMS key has rotation disabled (breaks FLEET-001). */
function brokenFleet(): ReturnType<typeof tempDir> {
  const tmp = tempDir()
  cpSync(join(repoRoot, 'examples/aws-fleet'), tmp.dir, { recursive: true, filter: (src) => !/[\\/]\.tf-orchestrator$/.test(src) })
  const kms = readFileSync(join(tmp.dir, KMS), 'utf8').replace('deletion_window_in_days = 7\n  }', 'deletion_window_in_days = 7\n    enable_key_rotation     = false\n  }')
  expect(kms).toContain('enable_key_rotation     = false')
  writeFileSync(join(tmp.dir, KMS), kms)
  return tmp
}

const byId = (dir: string): Map<string, DeploymentResult> => new Map(lastSummary(dir).deployments.map((d) => [d.id, d]))

describe('the policy gate with real OpenTofu and OPA', () => {
  it('blocks the deployment that breaks a policy, skips its dependents and applies the rest', async () => {
    const tmp = brokenFleet()
    try {
      expect(await runCli(['apply', '--all', '-w', tmp.dir], quiet)).toBe(1)
      const results = byId(tmp.dir)
      const kms = results.get(KMS_ID)
      expect(kms?.status).toBe('blocked')
      expect(kms?.applied).toBeUndefined()
      expect(kms?.error).toBe('blocked by policy: 1 denied: FLEET-001')
      expect(kms?.policy?.denies).toEqual([expect.objectContaining({ id: 'FLEET-001', resource: 'terraform_data.kms_key["acme-dev-use1-platform"]' })])
      expect(results.get(S3_ID)).toMatchObject({ status: 'skipped', skippedBecause: KMS_ID })
      const rest = [...results.values()].filter((r) => r.id !== KMS_ID && r.id !== S3_ID)
      expect(rest).toHaveLength(17)
      expect(rest.every((r) => r.status === 'succeeded' && r.applied)).toBe(true)
      expect(lastSummary(tmp.dir).totals).toMatchObject({ blocked: 1, skipped: 1, succeeded: 17 })
    } finally {
      tmp.cleanup()
    }
  })

  it('lets a waived rule through and reports the waiver; an expired waiver stops working', async () => {
    const tmp = brokenFleet()
    const config = (expires: string): string =>
      `policies:\n  paths: [policy]\n  waivers:\n    - rule: FLEET-001\n      deployment: "kms/acme-dev/*/platform-keys"\n      reason: key shared with a legacy system until Q1\n      expires: ${expires}\n`
    try {
      writeFileSync(join(tmp.dir, '.tf-orchestrator.yml'), config('2099-12-31'))
      expect(await runCli(['plan', '--all', '-w', tmp.dir], quiet)).toBe(0)
      const waived = byId(tmp.dir).get(KMS_ID)
      expect(waived?.status).toBe('succeeded')
      expect(waived?.policy?.waived).toEqual([
        { finding: expect.objectContaining({ id: 'FLEET-001' }), waiver: expect.objectContaining({ reason: 'key shared with a legacy system until Q1' }) }
      ])

      writeFileSync(join(tmp.dir, '.tf-orchestrator.yml'), config('2020-01-31'))
      expect(await runCli(['plan', '--all', '-w', tmp.dir], quiet)).toBe(1)
      const expired = byId(tmp.dir).get(KMS_ID)
      expect(expired?.status).toBe('blocked')
      expect(expired?.error).toContain('expired waiver: FLEET-001 (expired 2020-01-31)')
    } finally {
      tmp.cleanup()
    }
  })

  it('blocks everything, with the file and line, when a policy does not compile', async () => {
    const tmp = brokenFleet()
    let err = ''
    try {
      writeFileSync(join(tmp.dir, 'policy/broken.rego'), 'package broken\n\ndeny contains msg if {\n  msg := \n}\n')
      expect(await runCli(['plan', '--all', '-w', tmp.dir], { out: () => undefined, err: (t) => void (err += t) })).toBe(1)
      expect(err).toMatch(/policy gate: policies do not compile: .*broken\.rego:\d+/s)
      const results = [...byId(tmp.dir).values()]
      // Every deployment that planned is blocked; the rest wait for a blocked one.
      const blocked = results.filter((r) => r.status === 'blocked')
      expect(blocked.length + results.filter((r) => r.status === 'skipped').length).toBe(19)
      expect(blocked.length).toBeGreaterThanOrEqual(13)
      expect(blocked.every((r) => /^policy evaluation failed \(fail closed\): policies do not compile: .*broken\.rego:5: rego_parse_error/.test(r.error ?? ''))).toBe(true)
    } finally {
      tmp.cleanup()
    }
  })

  it('fails closed when OPA cannot be run, and reports only in warn mode', async () => {
    const tmp = brokenFleet()
    const saved = process.env.TF_ORCHESTRATOR_OPA
    try {
      process.env.TF_ORCHESTRATOR_OPA = join(tmp.dir, 'no-such-opa')
      expect(await runCli(['plan', '--all', '-w', tmp.dir], quiet)).toBe(1)
      const results = [...byId(tmp.dir).values()]
      expect(results.every((r) => (r.status === 'blocked' && /cannot be run/.test(r.error ?? '')) || r.status === 'skipped')).toBe(true)
      expect(results.filter((r) => r.status === 'blocked').length).toBeGreaterThanOrEqual(13)
      delete process.env.TF_ORCHESTRATOR_OPA
      writeFileSync(join(tmp.dir, '.tf-orchestrator.yml'), 'policies:\n  mode: warn\n  paths: [policy]\n')
      expect(await runCli(['plan', '--all', '-w', tmp.dir], quiet)).toBe(0)
      expect(byId(tmp.dir).get(KMS_ID)?.policy?.denies.map((d) => d.id)).toEqual(['FLEET-001'])
    } finally {
      if (saved === undefined) delete process.env.TF_ORCHESTRATOR_OPA
      else process.env.TF_ORCHESTRATOR_OPA = saved
      tmp.cleanup()
    }
  })
})

describe('the policy command', () => {
  it('evaluates a plan JSON file with the shipped library, as the gate does', async () => {
    let out = ''
    const code = await runCli(['policy', '--plan', join(repoRoot, 'policies/testdata/plan.json'), '--json', '--repeat', '2'], {
      out: (t) => void (out += t),
      err: () => undefined
    })
    expect(code).toBe(1)
    const result = JSON.parse(out)
    expect(result.resources).toBe(12)
    expect(result.evaluateMs).toHaveLength(2)
    expect(result.verdict.allowed).toBe(false)
    expect(result.verdict.denies.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining(['AWS-S3-001', 'AWS-KMS-001', 'AWS-VPC-001']))
    expect(result.verdict.denies[0]).toEqual({
      id: expect.any(String),
      msg: expect.any(String),
      severity: expect.stringMatching(/^(critical|high|medium|low)$/),
      resource: expect.any(String),
      remediation: expect.any(String)
    })
  })
})
