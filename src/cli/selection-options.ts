import { Command, Option } from 'commander'
import type { SelectionOptions } from '../app/load-workspace.js'

export interface CommonFlags {
  workingDir: string
  config?: string
  baseRef?: string
  changedFiles?: string
  all?: boolean
  json?: boolean
}

/** Adds the options every command shares: where to look and what to select. */
export function withSelectionOptions(command: Command): Command {
  return command
    .option('-w, --working-dir <dir>', 'directory holding the deployments', '.')
    .option('-c, --config <file>', 'configuration file (default: <working-dir>/.tf-orchestrator.yml when present)')
    .option('--base-ref <ref>', 'select deployments changed since this git ref (git diff <ref>...HEAD)')
    .option('--changed-files <list>', 'select deployments affected by these files (comma or newline separated, relative to the current directory)')
    .addOption(new Option('--all', 'select every deployment').conflicts(['baseRef', 'changedFiles']))
    .option('--json', 'print machine-readable JSON')
}

export function selectionFrom(flags: CommonFlags): SelectionOptions {
  return { workingDir: flags.workingDir, configPath: flags.config, baseRef: flags.baseRef, changedFiles: flags.changedFiles, all: flags.all }
}
