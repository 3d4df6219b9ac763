import { join } from 'node:path'
import type { Config } from '../../config/parse-config.js'
import type { ObjectStore } from '../object-store.js'
import type { StateStore } from '../state-store.js'
import { localStateStore } from './local-state-store.js'
import { s3StateStore } from './s3-state-store.js'
import { s3ClientFor } from './s3-client.js'
import type { S3ClientConfig } from '@aws-sdk/client-s3'

/** A working directory's state store and the object store beside it (backups, key records, audit, plans, locks). */
export interface Stores {
  state: StateStore & { objects: ObjectStore }
  objects: ObjectStore
}

/**
 * The configured stores. local: state files and objects under `state.dir`.
 * s3: the bucket (below key_prefix) through @aws-sdk/client-s3 with the SDK's
 * default credentials chain (or the action's OIDC credentials), the same
 * bucket and endpoint OpenTofu uses.
 */
export function storesFor(workingDir: string, config: Config, credentials?: S3ClientConfig['credentials']): Stores {
  const settings = { backupMode: config.backup, followKeyChanges: config.state.follow_key_changes === true }
  const base = config.state.type === 's3' ? s3StateStore(config.state, s3ClientFor(config.state, credentials)) : localStateStore(join(workingDir, config.state.dir))
  const state = { ...base, ...settings }
  return { state, objects: state.objects }
}

/** The configured state store (with its objects, backup mode and key-change mode). */
export function stateStoreFor(workingDir: string, config: Config): StateStore {
  return storesFor(workingDir, config).state
}
