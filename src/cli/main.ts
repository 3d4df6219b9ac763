import { Command, CommanderError } from 'commander'
import { ExitCode } from './exit-codes.js'
import { graphCommand } from './graph-command.js'
import { listCommand } from './list-command.js'
import { runCommand } from './run-command.js'
import { policyCommand } from './policy-command.js'
import { processOutput, type Output } from './output.js'

/** Runs the CLI with `argv` (user arguments only) and returns the exit code. */
export async function runCli(argv: readonly string[], output: Output = processOutput): Promise<number> {
  let exitCode: number = ExitCode.Ok
  const program = new Command('tf-orchestrator')
    .description('Orchestrates Terraform / OpenTofu deployments across accounts, regions and services.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s), writeErr: (s) => output.err(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 success, 1 a deployment failed, was blocked or skipped, 2 usage/configuration/discovery error, 130 cancelled.'
    )
  program.addCommand(listCommand(output))
  program.addCommand(graphCommand(output))
  program.addCommand(runCommand('plan', output, (code) => (exitCode = code)))
  program.addCommand(runCommand('apply', output, (code) => (exitCode = code)))
  program.addCommand(policyCommand(output, (code) => (exitCode = code)))
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (s) => output.out(s), writeErr: (s) => output.err(s) })
  try {
    await program.parseAsync([...argv], { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? ExitCode.Ok : ExitCode.Usage
    }
    output.err(`error: ${error instanceof Error ? error.message : String(error)}`)
    exitCode = ExitCode.Usage
  }
  return exitCode
}
