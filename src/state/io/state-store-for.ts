import { join } from 'node:path'
import type { Config } from '../../config/parse-config.js'
import { localStateStore } from './local-state-store.js'
import type { StateStore } from '../state-store.js'

/** The configured state store of a working directory. */
export function stateStoreFor(workingDir: string, config: Config): StateStore {
  return localStateStore(join(workingDir, config.state.type === 'local' ? config.state.dir : '.tf-orchestrator/state'))
}
