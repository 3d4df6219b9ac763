import { Command, Option } from 'commander'
import type { SelectionOptions } from '../app/load-workspace.js'
import type { RawRunRequest } from '../app/run-request.js'

/** The flags every command shares, as commander hands them over. */
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
    .option('--json', 'print exactly one JSON document on stdout (everything else goes to stderr)')
}

/** A boolean flag as the raw string the run request schema reads (undefined when not given). */
export const flagText = (value: boolean | undefined): string | undefined => (value === undefined ? undefined : String(value))

/** The shared flags as raw run request values. */
export function rawSelection(flags: CommonFlags): RawRunRequest {
  return {
    workingDir: flags.workingDir,
    config: flags.config,
    baseRef: flags.baseRef,
    changedFiles: flags.changedFiles,
    all: flagText(flags.all),
    json: flagText(flags.json)
  }
}

/** The shared flags as loadWorkspace's selection (for commands that take no run options). */
export function selectionFrom(flags: CommonFlags): SelectionOptions {
  return { workingDir: flags.workingDir, configPath: flags.config, baseRef: flags.baseRef, changedFiles: flags.changedFiles, all: flags.all }
}
