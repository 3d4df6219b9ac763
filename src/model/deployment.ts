/** The kinds of repository layout tf-orchestrator understands. */
export type LayoutType = 'tfvars' | 'stacks'

/** One unit of work: a root module with its own state key. */
export interface Deployment {
  /** Unique and stable: the state key without its file name. */
  id: string
  /** Short label for people: `account/region/project` or `region/service`. */
  name: string
  layout: LayoutType
  account: string
  region: string
  project: string
  /** Sorted service names; `general` when no service key was recognised. */
  services: string[]
  stateKey: string
  /** Root module directory, relative to the working directory (posix). */
  rootDir: string
  /** The .tfvars file of a tfvars-layout deployment, relative to the working directory. */
  varFile?: string
  /** The file or directory the deployment was discovered from (relative). */
  source: string
}

/** Why a deployment was selected for this run. */
export interface SelectionReason {
  kind: 'all' | 'tfvars-changed' | 'stack-changed' | 'root-module-changed' | 'module-changed'
  /** The changed file (relative to the working directory), when there is one. */
  file?: string
  /** For module changes: the chain of module directories from the changed one to the caller. */
  moduleChain?: string[]
  text: string
}

/** A deployment whose tfvars file was deleted: reported, never destroyed. */
export interface RemovedDeployment {
  file: string
  /** The state key it had, when the old contents could be read. */
  stateKey?: string
  text: string
}

export interface SelectedDeployment extends Deployment {
  reasons: SelectionReason[]
}

/** A problem that does not stop discovery (for example a dynamic module source). */
export interface DiscoveryWarning {
  file: string
  message: string
}

/** A changed path, relative to the working directory, as git reports it. */
export interface FileChange {
  path: string
  status: 'added' | 'modified' | 'deleted'
}
