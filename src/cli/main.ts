import { Command, CommanderError } from 'commander'
import { readEnvironment, type Environment } from '../app/environment.js'
import { loadConfig } from '../config/io/load-config.js'
import { stripAnsi } from '../render/strip-ansi.js'
import type { CliContext } from './context.js'
import { ExitCode } from './exit-codes.js'
import { graphCommand } from './graph-command.js'
import { listCommand } from './list-command.js'
import { matrixCommand } from './matrix-command.js'
import { plainOutput, processOutput, type Output } from './output.js'
import { policyCommand } from './policy-command.js'
import { redactCommand } from './redact-command.js'
import { reportCommand } from './report-command.js'
import { stateCommand } from './state-command.js'
import { locksCommand } from './locks-command.js'
import { objectStoreOf } from './object-store-of.js'
import { runCommand } from './run-command.js'
import { versionText } from './version.js'

/**
 * Runs the CLI with `argv` (user arguments only) and returns the exit code.
 * `env` is read once here; tests pass their own output and environment.
 */
export async function runCli(argv: readonly string[], given?: Output, env: Environment = readEnvironment()): Promise<number> {
  const output = given ? plainOutput(given, env.noColor) : processOutput(env.noColor)
  let exitCode: number = ExitCode.Ok
  const ctx: CliContext = { output, env, setExitCode: (code) => (exitCode = code) }
  const program = new Command('tf-orchestrator')
    .description('Orchestrates Terraform / OpenTofu deployments across accounts, regions and services.')
    .option('-V, --version', 'print the version and the binary a run would use')
    .addHelpText(
      'after',
      '\nExit codes: 0 success, 1 a deployment failed, was blocked or skipped, 2 usage/configuration/discovery error, 130 cancelled.'
    )
    .action(async (flags: { version?: boolean }) => {
      if (!flags.version) return program.help({ error: true })
      output.out(await versionText(await binaryOfCurrentDirectory(), env))
    })
  program.addCommand(listCommand(ctx))
  program.addCommand(graphCommand(ctx))
  program.addCommand(runCommand('plan', ctx))
  program.addCommand(runCommand('apply', ctx))
  program.addCommand(policyCommand(ctx))
  program.addCommand(matrixCommand(output))
  program.addCommand(redactCommand(output))
  program.addCommand(reportCommand(output, objectStoreOf))
  program.addCommand(stateCommand(ctx))
  program.addCommand(locksCommand(ctx))
  for (const command of [program, ...program.commands]) {
    command
      .exitOverride()
      .showHelpAfterError('(run with --help for usage)')
      .configureOutput({ writeOut: (s) => output.out(s), writeErr: (s) => output.err(s) })
  }
  try {
    await program.parseAsync([...argv], { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? ExitCode.Ok : ExitCode.Usage
    }
    // The binary's own messages may carry colours; ours never do off a terminal.
    const message = error instanceof Error ? error.message : String(error)
    output.err(`error: ${env.noColor ? stripAnsi(message) : message}`)
    exitCode = ExitCode.Usage
  }
  return exitCode
}

/** The binary the configuration of the current directory names, else tofu. */
async function binaryOfCurrentDirectory(): Promise<string> {
  try {
    return (await loadConfig(process.cwd())).binary
  } catch {
    return 'tofu'
  }
}
