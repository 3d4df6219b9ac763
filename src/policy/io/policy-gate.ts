import { getExecOutput } from '@actions/exec'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gateModule, GATE_PACKAGE, regoPackage } from '../gate-module.js'
import { decideVerdict, verdictSummary, type PolicyMode, type PolicyVerdict, type Waiver } from '../verdict.js'
import type { PolicyGate } from '../../engine/policy-hook.js'
import { policyPaths } from './builtin-policies.js'
import { startOpaServer, type OpaServer } from './opa-server.js'

export interface PolicyGateOptions {
  mode: PolicyMode
  /** Policy folders (absolute): the shipped library and the user's own. */
  paths: string[]
  waivers: Waiver[]
  timeoutMs: number
  opa: string
  /** Where the generated gate module and the server socket go. */
  workDir: string
  today?: string
}

export interface OpenPolicyGate {
  gate: PolicyGate
  close(): Promise<void>
  /** Set when the gate could not be set up: every deployment is blocked with it (fail closed). */
  setupError?: string
}

// Tests and their sample data are not policies.
/** The gate options that come from `policies:` in configuration (paths, waivers, timeout). */
export function gateOptions(
  workingDir: string,
  policies: { builtin: boolean; paths: readonly string[]; waivers: Waiver[]; timeout_seconds: number }
): Pick<PolicyGateOptions, 'paths' | 'waivers' | 'timeoutMs'> {
  return { paths: policyPaths(workingDir, policies), waivers: policies.waivers, timeoutMs: policies.timeout_seconds * 1000 }
}

const IGNORED = ['--ignore', '*_test.rego', '--ignore', 'testdata']

/**
 * Compiles the policies once for the run (one OPA server) and returns the gate
 * that evaluates each plan. Any problem setting it up does not throw: the gate
 * then blocks every deployment with that message (fail closed).
 */
export async function openPolicyGate(options: PolicyGateOptions): Promise<OpenPolicyGate> {
  const today = options.today ?? new Date().toISOString().slice(0, 10)
  const verdictFor = (deploymentId: string, deny: unknown[], warn: unknown[], errors: string[]): PolicyVerdict =>
    decideVerdict({ deploymentId, mode: options.mode, deny, warn, waivers: options.waivers, errors, today })
  const failClosed = (message: string): OpenPolicyGate => ({
    setupError: message,
    gate: async (d) => {
      const verdict = verdictFor(d.id, [], [], [message])
      return { allowed: verdict.allowed, details: verdict, summary: verdictSummary(verdict) }
    },
    close: async () => undefined
  })

  let server: OpaServer | undefined
  let socketDir: string | undefined
  const removeSocketDir = async (): Promise<void> => {
    if (socketDir) await rm(socketDir, { recursive: true, force: true })
  }
  try {
    for (const path of options.paths) if (!existsSync(path)) return failClosed(`policy folder ${path} does not exist`)
    const packages = new Set<string>()
    for (const path of options.paths) for (const file of await regoFiles(path)) {
      const pkg = regoPackage(await readFile(file, 'utf8'))
      if (pkg) packages.add(pkg)
    }
    await mkdir(options.workDir, { recursive: true })
    const gateFile = join(options.workDir, 'gate.rego')
    await writeFile(gateFile, gateModule([...packages]))
    const sources = [...options.paths, gateFile]
    const check = await runOpaCheck(options.opa, sources)
    if (check) return failClosed(check)
    // A unix socket path must be short (108 bytes): it lives in its own temporary folder.
    socketDir = await mkdtemp(join(tmpdir(), 'tforch-opa-'))
    server = await startOpaServer(options.opa, [...IGNORED, ...sources], join(socketDir, 'opa.sock'))
  } catch (error) {
    await removeSocketDir()
    return failClosed((error as Error).message)
  }

  const opa = server
  return {
    gate: async (d, plan) => {
      let verdict: PolicyVerdict
      try {
        const result = ((await opa.evaluate(GATE_PACKAGE, plan, options.timeoutMs)) ?? {}) as { deny?: unknown[]; warn?: unknown[] }
        verdict = verdictFor(d.id, result.deny ?? [], result.warn ?? [], [])
      } catch (error) {
        verdict = verdictFor(d.id, [], [], [(error as Error).message])
      }
      return { allowed: verdict.allowed, details: verdict, summary: verdictSummary(verdict) }
    },
    close: async () => {
      await opa.stop()
      await removeSocketDir()
    }
  }
}

/** `opa check`: the compile errors, naming file and line, or undefined when the policies compile. */
async function runOpaCheck(opa: string, sources: string[]): Promise<string | undefined> {
  let result
  try {
    result = await getExecOutput(opa, ['check', '--v1-compatible', ...IGNORED, ...sources], { silent: true, ignoreReturnCode: true })
  } catch (error) {
    return `OPA is needed for the policy gate and ${JSON.stringify(opa)} cannot be run (${(error as Error).message.split('.')[0]}); install OPA or set policies.mode: off`
  }
  if (result.exitCode === 0) return undefined
  // OPA's first line names the file and line; the rest is a caret drawing.
  const text = (result.stderr || result.stdout).trim()
  const located = text.split('\n').filter((l) => /\.rego:\d+/.test(l))
  return `policies do not compile: ${(located.length ? located : text.split('\n').slice(0, 1)).join('; ')}`
}

async function regoFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.rego') && !e.name.endsWith('_test.rego'))
    .map((e) => join(e.parentPath, e.name))
    .sort()
}
