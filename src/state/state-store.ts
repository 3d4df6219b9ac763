import type { ObjectStore } from './object-store.js'

/** Back up the state before every apply: required (no backup, no apply), best-effort, off. */
export type BackupMode = 'required' | 'best-effort' | 'off'

/** Where deployments keep their state; the engine only asks these questions. */
export interface StateStore {
  /** `-backend-config` key=value pairs that point the backend at this deployment's state. */
  backendConfig(stateKey: string): string[]
  /** The state's size in bytes, or undefined when there is none yet. */
  stateBytes(stateKey: string): Promise<number | undefined>
  /** For messages: where the state lives. */
  describe(stateKey: string): string
  /**
   * The same storage as objects (state keys are object keys): backups, key
   * records, moves. Absent only in stores built by hand (tests).
   */
  objects?: ObjectStore
  /** The object the backend holds while it locks a state (`.tflock` for S3, `.terraform.tfstate.lock.info` locally). */
  lockKey?(stateKey: string): string
  /** From `backup:` (absent means required). */
  backupMode?: BackupMode
  /** From `state.follow_key_changes`: move the state when a deployment's key moves instead of refusing. */
  followKeyChanges?: boolean
}

/** The lock object OpenTofu's local backend writes beside a state file: `dir/.name.lock.info`. */
export function localLockKey(stateKey: string): string {
  const slash = stateKey.lastIndexOf('/')
  return `${stateKey.slice(0, slash + 1)}.${stateKey.slice(slash + 1)}.lock.info`
}

/** The lock object of OpenTofu's S3 backend with `use_lockfile`: `key.tflock`. */
export function s3LockKey(stateKey: string): string {
  return `${stateKey}.tflock`
}
