import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { isAbsolute } from 'node:path'

/**
 * Every environment variable the project reads, by name. Only this module reads
 * them (once, in readEnvironment); the rest gets the typed Environment.
 */
export const ENV = {
  /** OPA binary for the policy gate (default `opa` on PATH). */
  opa: 'TF_ORCHESTRATOR_OPA',
  /** Set in the HCL parser child process (read by the entry points). */
  parserRole: 'TF_ORCHESTRATOR_HCL_PARSER',
  /** Marks the children of one run so the whole tree can be ended. */
  processToken: 'TF_ORCHESTRATOR_PROCESS_TOKEN',
  pluginCacheDir: 'TF_PLUGIN_CACHE_DIR',
  cliConfigFile: 'TF_CLI_CONFIG_FILE',
  /** Set per deployment by the engine; an inherited one would be shared by all. */
  dataDir: 'TF_DATA_DIR',
  home: 'HOME',
  noColor: 'NO_COLOR',
  ci: 'CI',
  githubActions: 'GITHUB_ACTIONS',
  githubWorkspace: 'GITHUB_WORKSPACE',
  githubBaseRef: 'GITHUB_BASE_REF',
  runnerDebug: 'RUNNER_DEBUG',
  /** The workflow run (audit records, pull request comments, links). */
  githubRepository: 'GITHUB_REPOSITORY',
  githubRunId: 'GITHUB_RUN_ID',
  githubRunAttempt: 'GITHUB_RUN_ATTEMPT',
  githubActor: 'GITHUB_ACTOR',
  githubSha: 'GITHUB_SHA',
  githubRef: 'GITHUB_REF',
  githubEventName: 'GITHUB_EVENT_NAME',
  githubEventPath: 'GITHUB_EVENT_PATH',
  githubServerUrl: 'GITHUB_SERVER_URL',
  githubApiUrl: 'GITHUB_API_URL',
  /** For the S3 state store (read by the AWS SDK from the children's environment). */
  awsRegion: 'AWS_REGION',
  awsDefaultRegion: 'AWS_DEFAULT_REGION',
  awsProfile: 'AWS_PROFILE',
  awsEndpointUrl: 'AWS_ENDPOINT_URL',
  /** A custom STS endpoint (MinIO, LocalStack) for the OIDC exchange of aws-role-arn. */
  awsEndpointUrlSts: 'AWS_ENDPOINT_URL_STS'
} as const

/** What the process's environment says, read once and passed down. */
export interface Environment {
  /** OPA binary: TF_ORCHESTRATOR_OPA, else `opa`. */
  opaBinary: string
  /** Shared provider cache: TF_PLUGIN_CACHE_DIR, else undefined (settings pick the default under home). */
  pluginCacheDir?: string
  home: string
  /** No ANSI colours: not a terminal, on GitHub Actions, or NO_COLOR set. */
  noColor: boolean
  ci: boolean
  githubActions: boolean
  /** Repository root on a runner (annotations are relative to it). */
  githubWorkspace?: string
  /** Base branch of a pull request. */
  githubBaseRef?: string
  /** The workflow runs with debug logging. */
  runnerDebug: boolean
  awsRegion?: string
  /** AWS_ENDPOINT_URL_STS: where aws-role-arn is assumed instead of AWS's regional STS. */
  awsStsEndpoint?: string
  /** The GITHUB_* variables of the workflow run, by their names (for ciContextFromEnv, pullRequestContext). */
  workflow: Readonly<Record<string, string | undefined>>
  /** Environment for the children (secrets included; never printed). */
  childEnv: Record<string, string>
}

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value)

/** Reads the environment once. `isTerminal` is whether our output goes to a terminal. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env, isTerminal = Boolean(process.stdout.isTTY)): Environment {
  const githubActions = env[ENV.githubActions] === 'true'
  return {
    opaBinary: nonEmpty(env[ENV.opa]) ?? 'opa',
    pluginCacheDir: nonEmpty(env[ENV.pluginCacheDir]),
    home: nonEmpty(env[ENV.home]) ?? homedir(),
    // https://no-color.org: any non-empty value.
    noColor: !isTerminal || githubActions || nonEmpty(env[ENV.noColor]) !== undefined,
    ci: nonEmpty(env[ENV.ci]) !== undefined && env[ENV.ci] !== 'false',
    githubActions,
    githubWorkspace: nonEmpty(env[ENV.githubWorkspace]),
    githubBaseRef: nonEmpty(env[ENV.githubBaseRef]),
    runnerDebug: env[ENV.runnerDebug] === '1',
    awsRegion: nonEmpty(env[ENV.awsRegion]) ?? nonEmpty(env[ENV.awsDefaultRegion]),
    awsStsEndpoint: nonEmpty(env[ENV.awsEndpointUrlSts]),
    workflow: Object.fromEntries(Object.values(ENV).filter((n) => n.startsWith('GITHUB_')).map((n) => [n, nonEmpty(env[n])])),
    childEnv: childEnvironment(env)
  }
}

/** Ours, minus a CLI config file setting that points nowhere (it only adds a warning) and any TF_DATA_DIR. */
function childEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v
  const cli = out[ENV.cliConfigFile]
  if (cli && isAbsolute(cli) && !existsSync(cli)) delete out[ENV.cliConfigFile]
  delete out[ENV.dataDir]
  return out
}
