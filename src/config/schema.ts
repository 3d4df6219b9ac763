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
  dir: relativePath.default('.tf-orchestrator/state')
})

const s3State = z.strictObject({
  type: z.literal('s3'),
  bucket: z.string().min(3),
  region: z.string().min(1),
  key_prefix: z.string().default(''),
  endpoint: z.url().optional(),
  use_path_style: z.boolean().default(false),
  use_lockfile: z.boolean().default(true),
  encrypt: z.boolean().default(true)
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
  state: z.discriminatedUnion('type', [localState, s3State]).default(localState.parse({ type: 'local' }))
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
