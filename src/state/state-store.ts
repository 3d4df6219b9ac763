/** Where deployments keep their state; the engine only asks these questions. */
export interface StateStore {
  /** `-backend-config` key=value pairs that point the backend at this deployment's state. */
  backendConfig(stateKey: string): string[]
  /** The state's size in bytes, or undefined when there is none yet. */
  stateBytes(stateKey: string): Promise<number | undefined>
  /** For messages: where the state lives. */
  describe(stateKey: string): string
}
