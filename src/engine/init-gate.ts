import { Mutex } from 'async-mutex'

/**
 * Concurrent `init`s that write one provider plugin cache, or one root
 * module's .terraform.lock.hcl, corrupt each other. The first init of each
 * root module runs alone (one writer at a time); once it succeeded, later
 * inits of that root module only read the cache and verify the lock file
 * (-lockfile=readonly), so they run in parallel.
 */
export class InitGate {
  private readonly writer = new Mutex()
  private readonly firstInit = new Map<string, Promise<boolean>>()

  async run<T>(rootDir: string, init: (lockfileReadonly: boolean) => Promise<T>, succeeded: (result: T) => boolean): Promise<T> {
    const first = this.firstInit.get(rootDir)
    if (first && (await first)) return init(true)
    let done!: (ok: boolean) => void
    this.firstInit.set(rootDir, new Promise<boolean>((resolve) => (done = resolve)))
    try {
      const result = await this.writer.runExclusive(() => init(false))
      done(succeeded(result))
      return result
    } catch (error) {
      done(false)
      throw error
    }
  }
}
