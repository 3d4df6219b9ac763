import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { repoRoot } from '../helpers/temp-dir.js'

/** The workflows users copy (ci.yml is the project's own). */
export const SHIPPED = ['pr-plan', 'apply-on-merge', 'nightly-drift', 'dispatch', 'fleet-matrix'] as const
export type Shipped = (typeof SHIPPED)[number]
export const workflowPath = (name: Shipped): string => `.github/workflows/${name}.yml`

export interface Step {
  id?: string
  name?: string
  if?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
export interface Job {
  if?: string
  needs?: string | string[]
  environment?: string | { name: string }
  permissions?: Record<string, string>
  concurrency?: { group: string; 'cancel-in-progress': boolean | string }
  outputs?: Record<string, string>
  strategy?: { matrix?: unknown; 'fail-fast'?: boolean }
  steps: Step[]
}
export interface Workflow {
  name: string
  on: Record<string, Record<string, unknown> | null>
  permissions?: Record<string, string>
  concurrency?: { group: string; 'cancel-in-progress': boolean | string }
  jobs: Record<string, Job>
}

/** A shipped workflow, parsed. */
export const workflow = (name: Shipped): Workflow => parse(readFileSync(join(repoRoot, workflowPath(name)), 'utf8')) as Workflow

/** The permissions a job runs with: its own, else the workflow's. */
export const permissionsOf = (wf: Workflow, job: Job): Record<string, string> => job.permissions ?? wf.permissions ?? {}

/** The steps of a job that run the published action. */
export const actionSteps = (job: Job): Step[] => job.steps.filter((s) => s.uses?.includes('tf-orchestrator'))
