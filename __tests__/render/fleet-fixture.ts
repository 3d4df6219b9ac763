// Realistic run summaries and plan texts for the render tests: the aws-fleet
// example's 19 deployments, and synthetic fleets of any size, scheduled on a
// simulated worker pool so start times, workers and phases are consistent.
import { buildExecutionGraph, type ExecutionGraph } from '../../src/graph/deployment-graph.js'
import type { Deployment } from '../../src/model/deployment.js'
import type { DeploymentResult, RunSummary } from '../../src/model/run-result.js'
import type { PolicyVerdict } from '../../src/policy/verdict.js'

const SERVICE_DEPENDENCIES = { kms: [], iam: [], s3: ['kms'], lambda: ['iam'], sqs: ['kms'], combined: [] }

function deployment(service: string, account: string, region: string, project: string, services = [service]): Deployment {
  const id = `${service}/${account}/${region}/${project}`
  return { id, name: `${account}/${region}/${project}`, layout: 'tfvars', account, region, project, services, stateKey: `${id}/terraform.tfstate`, rootDir: '.', source: `deployments/${account}/${region}/${service.toUpperCase()}/${project}/${project}.tfvars` }
}

/** The 19 deployments of examples/aws-fleet. */
export function awsFleetDeployments(): Deployment[] {
  const out: Deployment[] = []
  for (const account of ['acme-dev', 'acme-prd', 'acme-stg']) {
    out.push(deployment('kms', account, 'eu-west-1', 'platform-keys'), deployment('iam', account, 'eu-west-1', 'app-roles'), deployment('s3', account, 'eu-west-1', 'analytics-lake'))
    out.push(deployment('kms', account, 'us-east-1', 'platform-keys'), deployment('iam', account, 'us-east-1', 'ci-roles'), deployment('s3', account, 'us-east-1', 'payments-data'))
  }
  out.push(deployment('combined', 'acme-dev', 'us-east-1', 'shared-platform', ['kms', 's3']))
  return out
}

/** `accounts x regions x perScope` deployments cycling over kms, iam, s3, sqs, lambda. */
export function syntheticDeployments(accounts: number, regions: number, perScope: number): Deployment[] {
  const services = ['kms', 'iam', 's3', 'sqs', 'lambda']
  const regionNames = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'sa-east-1']
  const out: Deployment[] = []
  for (let a = 0; a < accounts; a++) {
    for (let r = 0; r < regions; r++) {
      for (let p = 0; p < perScope; p++) {
        const service = services[p % services.length] as string
        out.push(deployment(service, `acct-${String(a).padStart(2, '0')}`, regionNames[r % regionNames.length] as string, `project-${p}`))
      }
    }
  }
  return out
}

/** A small deterministic PRNG so fixtures are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

const verdict = (over: Partial<PolicyVerdict> = {}): PolicyVerdict => ({ allowed: true, mode: 'enforce', denies: [], warnings: [], waived: [], expiredWaivers: [], errors: [], ...over })

export interface Fixture {
  summary: RunSummary
  graph: ExecutionGraph
}

/**
 * Simulates a run: levels in order, each deployment on the worker that frees up
 * first. The ids in `fail`/`block` fail or are blocked; their dependents are skipped.
 */
export function simulateRun(all: Deployment[], opts: { workers?: number; command?: 'plan' | 'apply'; fail?: string[]; block?: string[]; seed?: number } = {}): Fixture {
  const graph = buildExecutionGraph({ all, serviceDependencies: SERVICE_DEPENDENCIES, explicit: {} })
  const rand = prng(opts.seed ?? 7)
  const workers = opts.workers ?? 5
  const t0 = Date.parse('2026-11-26T18:49:59.123Z')
  const free = Array.from({ length: workers }, () => t0)
  const finished = new Map<string, number>()
  const bad = new Set([...(opts.fail ?? []), ...(opts.block ?? [])])
  const byId = new Map(all.map((d) => [d.id, d]))
  const results: DeploymentResult[] = []
  for (const id of graph.levels.flat()) {
    const d = byId.get(id) as Deployment
    const deps = [...(graph.dependencies.get(id) ?? [])]
    const base: DeploymentResult = { id, name: d.name, services: d.services, stateKey: d.stateKey, reasons: [{ kind: 'tfvars-changed', file: d.source, text: `${d.source} changed` }], status: 'succeeded', phases: {}, attempts: 0, retries: [], durationMs: 0 }
    const badDep = deps.find((dep) => bad.has(dep))
    if (badDep) {
      bad.add(id)
      results.push({ ...base, status: 'skipped', skippedBecause: badDep })
      continue
    }
    const w = free.indexOf(Math.min(...free))
    let cursor = Math.max(free[w] as number, ...deps.map((dep) => finished.get(dep) ?? t0))
    const startedAt = cursor
    const phases: DeploymentResult['phases'] = {}
    const names = opts.command === 'apply' ? (['init', 'plan', 'show', 'policy', 'apply'] as const) : (['init', 'plan', 'show', 'policy'] as const)
    for (const phase of names) {
      const durationMs = Math.round((phase === 'plan' || phase === 'apply' ? 4000 : 600) * (0.5 + rand()))
      phases[phase] = { startedAt: new Date(cursor).toISOString(), durationMs, attempts: 1, exitCode: 0 }
      cursor += durationMs
      if (opts.fail?.includes(id) && phase === 'plan') break
    }
    free[w] = cursor
    finished.set(id, cursor)
    const create = Math.floor(rand() * 4)
    const update = rand() < 0.3 ? 1 : 0
    const result: DeploymentResult = { ...base, phases, attempts: Object.keys(phases).length, workerId: w + 1, startedAt: new Date(startedAt).toISOString(), durationMs: cursor - startedAt }
    if (opts.fail?.includes(id)) Object.assign(result, { status: 'failed', error: 'Error: creating S3 Bucket: AccessDenied' })
    else {
      const hasChanges = create + update > 0
      Object.assign(result, { counts: { create, update, delete: 0, replace: 0 }, hasChanges, applied: opts.command === 'apply' && hasChanges, policy: verdict() })
      if (opts.block?.includes(id)) Object.assign(result, { status: 'blocked', policy: verdict({ allowed: false, denies: [{ id: 'S3_PUBLIC_ACCESS', msg: 'bucket allows public access', resource: 'aws_s3_bucket.logs' }] }) })
    }
    results.push(result)
  }
  const count = (s: DeploymentResult['status']): number => results.filter((r) => r.status === s).length
  const sum = (k: 'create' | 'update' | 'delete' | 'replace'): number => results.reduce((n, r) => n + (r.counts?.[k] ?? 0), 0)
  const end = Math.max(t0, ...free)
  const summary: RunSummary = {
    runId: '20261126T184959123Z-abc123', command: opts.command ?? 'plan', destroy: false, binary: { path: '/usr/bin/tofu', name: 'tofu', version: '1.11.0' },
    startedAt: new Date(t0).toISOString(), finishedAt: new Date(end).toISOString(), durationMs: end - t0, workers, executionLevels: graph.levels, parallelDeployments: Math.min(workers, all.length), cancelled: false,
    totals: { deployments: results.length, succeeded: count('succeeded'), failed: count('failed'), blocked: count('blocked'), timedOut: 0, cancelled: 0, skipped: count('skipped'), created: sum('create'), changed: sum('update'), destroyed: sum('delete'), replaced: sum('replace') },
    deployments: results
  }
  return { summary, graph }
}

/** The aws-fleet run with one failure, one policy block, a warning and a waiver. */
export function awsFleetRun(): Fixture {
  const fixture = simulateRun(awsFleetDeployments(), { fail: ['kms/acme-stg/eu-west-1/platform-keys'], block: ['s3/acme-prd/us-east-1/payments-data'] })
  const dev = fixture.summary.deployments.find((r) => r.id === 's3/acme-dev/us-east-1/payments-data') as DeploymentResult
  dev.policy = verdict({
    warnings: [{ id: 'S3_VERSIONING', msg: 'versioning is off' }],
    waived: [{ finding: { id: 'S3_ENCRYPTION', msg: 'no default encryption' }, waiver: { rule: 'S3_ENCRYPTION', deployment: 's3/acme-dev/*', reason: 'legacy bucket, ticket OPS-12', expires: '2027-01-31' } }]
  })
  return fixture
}

/**
 * A tofu-style plan of `resources` resources (colour codes included when
 * `colour`), with refresh lines and hidden-attribute notes, roughly 700 bytes a resource.
 */
export function planText(resources: number, opts: { colour?: boolean; changes?: boolean } = {}): string {
  const c = (code: string, text: string): string => (opts.colour ? `\u001b[${code}m${text}\u001b[0m` : text)
  const lines: string[] = []
  for (let i = 0; i < resources; i++) lines.push(`aws_s3_bucket.b${i}: Refreshing state... [id=bucket-${i}]`)
  if (opts.changes === false) return [...lines, '', 'No changes. Your infrastructure matches the configuration.', ''].join('\n')
  lines.push('', 'OpenTofu will perform the following actions:', '')
  for (let i = 0; i < resources; i++) {
    lines.push(c('1', `  # aws_s3_bucket.b${i}`) + ' will be updated in-place', `  ${c('33', '~')} resource "aws_s3_bucket" "b${i}" {`, `        id                          = "bucket-${i}"`)
    lines.push(`      ${c('33', '~')} tags                        = {`, `          ${c('32', '+')} "owner" = "team-${i}"`, '            # (3 unchanged elements hidden)', '        }')
    lines.push('        lifecycle_rule {', `            id      = "expire-${i}"`, '            enabled = true', '            expiration {', '                days = 90', '            }', '        }')
    lines.push(c('90', '        # (24 unchanged attributes hidden)'), '', c('90', '        # (3 unchanged blocks hidden)'), '    }', '')
  }
  lines.push(`Plan: 0 to add, ${resources} to change, 0 to destroy.`)
  return lines.join('\n')
}

/** Deployments whose ids hold what breaks diagrams: quotes, colons, brackets, #, backticks, html, unicode. */
export function hostileRun(): Fixture {
  const projects = ['we"ird', 'co:lon;semi', '[br]{ace}(paren)|pipe', 'hash#tag #quot;', 'back`tick`', '<script>alert(1)</script>', 'ünïcødé-日本-🚀', 'title', 'section x', 'end', '%%comment', 'a --> b']
  const all = projects.map((p, i) => deployment(i % 2 ? 's3' : 'kms', 'acct"1', 'us:east#1', p))
  return simulateRun(all, { fail: [all[0]?.id as string] })
}
