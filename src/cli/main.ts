import { Command, CommanderError } from 'commander'
import { readEnvironment, type Environment } from '../app/environment.js'
import { loadConfig } from '../config/io/load-config.js'
import { stripAnsi } from '../render/strip-ansi.js'
import type { CliContext } from './context.js'
import { ExitCode } from './exit-codes.js'
import { plainOutput, processOutput, type Output } from './output.js'

/**
 * The commands in help order, each loaded only when it is the one run (or for
 * help): the others' modules (run engine, state stores, policy) need not be read.
 */
const COMMANDS: ReadonlyArray<readonly [string, (ctx: CliContext) => Promise<Command>]> = [
  ['list', async (ctx) => (await import('./list-command.js')).listCommand(ctx)],
  ['graph', async (ctx) => (await import('./graph-command.js')).graphCommand(ctx)],
  ['plan', async (ctx) => (await import('./run-command.js')).runCommand('plan', ctx)],
  ['apply', async (ctx) => (await import('./run-command.js')).runCommand('apply', ctx)],
  ['policy', async (ctx) => (await import('./policy-command.js')).policyCommand(ctx)],
  ['matrix', async (ctx) => (await import('./matrix-command.js')).matrixCommand(ctx.output)],
  ['redact', async (ctx) => (await import('./redact-command.js')).redactCommand(ctx.output)],
  ['report', async (ctx) => (await import('./report-command.js')).reportCommand(ctx.output, (await import('./object-store-of.js')).objectStoreOf)],
  ['state', async (ctx) => (await import('./state-command.js')).stateCommand(ctx)],
  ['locks', async (ctx) => (await import('./locks-command.js')).locksCommand(ctx)]
]

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
      // Loaded here: finding the binary needs modules no other command reads at startup.
      const { versionText } = await import('./version.js')
      output.out(await versionText(await binaryOfCurrentDirectory(), env))
    })
  // The program has no operands, so a first argument naming a command always runs that command.
  const named = COMMANDS.find(([name]) => name === argv[0])
  for (const [, make] of named ? [named] : COMMANDS) program.addCommand(await make(ctx))
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
