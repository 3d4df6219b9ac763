import { join } from 'node:path'
import { ConfigError, type Config } from '../../config/parse-config.js'
import { localStateStore } from './local-state-store.js'
import type { StateStore } from '../state-store.js'

/**
 * The configured state store of a working directory. `type: s3` is refused
 * until the S3 store lands: silently falling back to local state would keep a
 * CI run's state on a throwaway runner.
 */
export function stateStoreFor(workingDir: string, config: Config): StateStore {
  if (config.state.type !== 'local') {
    throw new ConfigError(
      `${config.file ?? 'configuration'}: state.type: ${JSON.stringify(config.state.type)} is not supported by this version yet; ` +
        'refusing to run rather than keep state on this machine (use state.type: local, or a version with the S3 store)'
    )
  }
  return localStateStore(join(workingDir, config.state.dir))
}
