import { Command } from 'commander'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { verdictSummary } from '../policy/verdict.js'
import { loadConfig } from '../config/io/load-config.js'
import type { Deployment } from '../model/deployment.js'
import { gateOptions, openPolicyGate } from '../policy/io/policy-gate.js'
import type { CliContext } from './context.js'
import { ExitCode } from './exit-codes.js'
import { readPlanJson } from './read-plan-json.js'

interface PolicyFlags {
  plan: string
  workingDir: string
  config?: string
  deployment: string
  repeat: string
  json?: boolean
}

/** `policy`: evaluates a saved plan's JSON with the configured policies, as the gate would. */
export function policyCommand(ctx: CliContext): Command {
  const { output, setExitCode } = ctx
  return new Command('policy')
    .description('evaluate a plan JSON file (tofu show -json) against the configured policies, as the gate does before apply')
    .requiredOption('--plan <file>', 'plan JSON written by `tofu show -json <planfile>`')
    .option('-w, --working-dir <dir>', 'directory holding .tf-orchestrator.yml', '.')
    .option('-c, --config <file>', 'configuration file')
    .option('--deployment <id>', 'deployment id the waivers are matched against', 'adhoc/plan')
    .option('--repeat <n>', 'evaluate n times after compiling once, and report the timings', '1')
    .option('--json', 'print the verdict as JSON')
    .action(async (flags: PolicyFlags) => {
      const workingDir = resolve(flags.workingDir)
      const config = await loadConfig(workingDir, flags.config)
      const plan = await readPlanJson(flags.plan)
      const workDir = await mkdtemp(join(tmpdir(), 'tforch-policy-'))
      const compileStarted = Date.now()
      const opened = await openPolicyGate({
        ...gateOptions(workingDir, config.policies),
        // Asked explicitly, so evaluate even when runs have the gate off.
        mode: config.policies.mode === 'off' ? 'enforce' : config.policies.mode,
        opa: ctx.env.opaBinary,
        workDir
      })
      const compileMs = Date.now() - compileStarted
      try {
        const deployment = { id: flags.deployment } as Deployment
        const timings: number[] = []
        let verdict
        for (let i = 0; i < Math.max(1, Number(flags.repeat) || 1); i++) {
          const started = Date.now()
          verdict = await opened.gate(deployment, plan)
          timings.push(Date.now() - started)
        }
        const v = verdict!.details
        const resources = ((plan as { resource_changes?: unknown[] }).resource_changes ?? []).length
        if (flags.json) {
          output.out(JSON.stringify({ verdict: v, resources, compileMs, evaluateMs: timings }, null, 2))
        } else {
          for (const d of v.denies) output.out(`DENY  ${d.id ?? '-'} ${d.msg}`)
          for (const w of v.warnings) output.out(`WARN  ${w.id ?? '-'} ${w.msg}`)
          for (const w of v.waived) output.out(`WAIVED ${w.finding.id} ${w.finding.msg} (${w.waiver.reason}, until ${w.waiver.expires})`)
          for (const e of v.errors) output.out(`ERROR ${e}`)
          output.out(verdictSummary(v))
          output.out(`${resources} resources; policies compiled in ${compileMs} ms; evaluation ${timings.map((t) => `${t} ms`).join(', ')}`)
        }
        if (!verdict!.allowed) setExitCode(ExitCode.RunFailed)
      } finally {
        await opened.close()
        await rm(workDir, { recursive: true, force: true })
      }
    })
}
