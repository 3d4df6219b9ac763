import { z } from 'zod'
import { NAME_PATTERN } from '../model/names.js'
import { stateKeyTemplateProblem } from '../state/state-key.js'
import {
  DEFAULT_BACKEND_KEY_TEMPLATE,
  DEFAULT_COMBINED_SERVICE,
  DEFAULT_RETRY_PATTERNS,
  DEFAULT_TIMEOUT_MINUTES
} from './defaults.js'

// The one definition of .tf-orchestrator.yml. Keys are snake_case like the
// tfvars files it sits beside; unknown keys are errors so typos surface.

const name = z
  .string()
  .regex(NAME_PATTERN, 'must be letters, digits, ".", "_" or "-", starting with a letter or digit (max 128)')
const relativePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), 'must be a path inside the working directory')

const tfvarsLayout = z.strictObject({
  type: z.literal('tfvars'),
  /** The shared root module every tfvars file is a deployment of. */
  root_module: relativePath.default('.'),
  /** Folders searched for .tfvars files. */
  roots: z.array(relativePath).min(1).default(['.'])
})

const stacksLayout = z.strictObject({
  type: z.literal('stacks'),
  /** Region folders, or folders containing region folders. */
  roots: z.array(relativePath).min(1).default(['.']),
  account: name.default('default'),
  project: name.default('default')
})

const waiver = z.strictObject({
  rule: z.string().min(1),
  /** A deployment id, or a glob over ids (`s3/acme-dev/*`). */
  deployment: z.string().min(1).default('*'),
  reason: z.string().min(3),
  expires: z.iso.date()
})

const policies = z.strictObject({
  mode: z.enum(['enforce', 'warn', 'off']).default('enforce'),
  /** The shipped library (policies/ of this action). */
  builtin: z.boolean().default(true),
  /** The user's own policy folders, evaluated beside the shipped ones. */
  paths: z.array(relativePath).default([]),
  timeout_seconds: z.number().positive().max(600).default(60),
  waivers: z.array(waiver).default([])
})

const localState = z.strictObject({
  type: z.literal('local'),
  dir: relativePath.default('.tf-orchestrator/state'),
  follow_key_changes: z.boolean().optional()
})

/** A duration such as 90s, 5m or 2h. */
const duration = z.string().regex(/^[1-9]\d*(s|m|h)$/, 'must be a duration such as 90s, 5m or 2h')

const s3State = z.strictObject({
  type: z.literal('s3'),
  bucket: z.string().min(3),
  region: z.string().min(1),
  key_prefix: z.string().default(''),
  endpoint: z.url().optional(),
  use_path_style: z.boolean().default(false),
  use_lockfile: z.boolean().default(true),
  encrypt: z.boolean().default(true),
  /** KMS key for the state and every object the tool writes (UUID, mrk-..., alias/... or key ARN). */
  kms_key_id: z.string().regex(/^(arn:aws[-a-z]*:kms:\S+|alias\/\S+|mrk-[0-9a-f]+|[0-9a-f-]{36}|[A-Za-z0-9_-]+)$/, 'must be a KMS key id, alias/..., mrk-... or key ARN').optional(),
  /** Move state automatically when a deployment's computed key changes (else refuse and say how). */
  follow_key_changes: z.boolean().optional()
})

const retry = z.strictObject({
  max_attempts: z.int().min(1).max(10).default(3),
  initial_delay_seconds: z.number().min(0).max(300).default(5),
  patterns: z.array(z.string().min(1)).default([...DEFAULT_RETRY_PATTERNS])
})

export const configSchema = z.strictObject({
  version: z.literal(1).default(1),
  layouts: z.array(z.discriminatedUnion('type', [tfvarsLayout, stacksLayout])).min(1).optional(),
  binary: z.enum(['tofu', 'terraform']).default('tofu'),
  service_mapping: z.record(z.string().min(1), name).default({}),
  service_dependencies: z.record(name, z.array(name)).default({}),
  /** Extra edges between deployments: id -> ids it needs first. */
  deployment_dependencies: z.record(z.string(), z.array(z.string())).default({}),
  backend_key_template: z
    .string()
    .default(DEFAULT_BACKEND_KEY_TEMPLATE)
    .superRefine((template, ctx) => {
      const problem = stateKeyTemplateProblem(template)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
  combined_service_name: name.default(DEFAULT_COMBINED_SERVICE),
  parallel: z.boolean().default(true),
  max_workers: z.int().min(1).max(64).optional(),
  timeout_minutes: z.number().positive().max(24 * 60).default(DEFAULT_TIMEOUT_MINUTES),
  batch_size: z.int().min(1).optional(),
  batch_cooldown_seconds: z.number().min(0).default(0),
  retry: retry.default(retry.parse({})),
  policies: policies.default(policies.parse({})),
  state: z.discriminatedUnion('type', [localState, s3State]).default(localState.parse({ type: 'local' })),
  /** Back up the state before every apply: required (no backup, no apply), best-effort, off. */
  backup: z.enum(['required', 'best-effort', 'off']).default('required'),
  /** After a failed apply: report what changed, re-apply the base revision, or copy the backup back when nothing would be orphaned. */
  on_failure: z.enum(['report', 'reapply-previous', 'restore-state']).default('report'),
  /** How long a run waits for another run's lock on a deployment. */
  lock_timeout: duration.default('5m'),
  /** Metric lines (CloudWatch EMF): into the run's metrics file, also on stdout (emf), or off. */
  metrics: z.enum(['file', 'emf', 'off']).default('file'),
  /** Per-account roles (account name -> role ARN) for GitHub OIDC. */
  aws_roles: z.record(name, z.string().min(1)).default({})
})

/** The configuration file as written (before defaults are merged in). */
export type ConfigInput = z.input<typeof configSchema>
/** The configuration file after validation, with every default filled in. */
export type ConfigFile = z.output<typeof configSchema>
export type TfvarsLayoutConfig = z.output<typeof tfvarsLayout>
export type StacksLayoutConfig = z.output<typeof stacksLayout>
export type LayoutConfig = TfvarsLayoutConfig | StacksLayoutConfig
export type WaiverConfig = z.output<typeof waiver>
export type StateConfig = ConfigFile['state']
