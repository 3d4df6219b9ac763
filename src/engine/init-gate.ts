import { Mutex, Semaphore } from 'async-mutex'
import { rootProviders, type ProviderNeeds } from './root-providers.js'

const ALL = 1 << 20

/**
 * The provider plugin cache is not safe for two inits writing the same
 * provider (OpenTofu documents it as undefined; the known failure is a
 * half-written package that the other init's checksum check rejects), and a
 * root module's .terraform.lock.hcl has one writer. So:
 *  - the first init of each root module writes its lock file; later ones wait
 *    for it, then only read the cache and verify the lock file
 *    (-lockfile=readonly), in parallel;
 *  - a first init holds the lock of every provider type it may install that is
 *    not yet complete in the cache (per `type@version`, see root-providers.ts),
 *    taken in sorted order so two inits never wait on each other; first inits
 *    of root modules with disjoint or already installed providers run together;
 *  - a root module whose providers cannot be known before init (a remote
 *    module) runs its first init alone, as every first init used to;
 *  - a root module with no provider to install (built-in resources only)
 *    writes nothing shared: its inits all run together.
 */
export class InitGate {
  private readonly firstInit = new Map<string, Promise<boolean>>()
  private readonly providerLocks = new Map<string, Mutex>()
  /** `type@version` that a successful init put into the cache during this run. */
  private readonly installed = new Set<string>()
  // Shared by inits that name their providers, exclusive for the ones that cannot.
  private readonly known = new Semaphore(ALL)

  constructor(private readonly needsOf: (rootDir: string) => Promise<ProviderNeeds> = rootProviders) {}

  /** `rootDir`: the root module's absolute path (its files say which providers it installs). */
  async run<T>(rootDir: string, init: (lockfileReadonly: boolean) => Promise<T>, succeeded: (result: T) => boolean): Promise<T> {
    const first = this.firstInit.get(rootDir)
    if (first && (await first)) return init(true)
    let done!: (ok: boolean) => void
    this.firstInit.set(rootDir, new Promise<boolean>((resolve) => (done = resolve)))
    try {
      const needs = await this.needsOf(rootDir).catch(() => undefined)
      // Only built-in providers: nothing to install, no lock file to write, so nothing for the others to wait for.
      if (needs?.size === 0) done(true)
      const result = await this.writing(needs, () => init(false))
      const ok = succeeded(result)
      if (ok && needs) for (const n of needs) if (!n.endsWith('@?')) this.installed.add(n)
      done(ok)
      return result
    } catch (error) {
      done(false)
      throw error
    }
  }

  /** Runs a first init holding the locks of the providers it may write. */
  private async writing<T>(needs: ProviderNeeds, init: () => Promise<T>): Promise<T> {
    if (needs === undefined) return this.known.runExclusive(init, ALL)
    const [, releaseKnown] = await this.known.acquire(1)
    const releases: (() => void)[] = [releaseKnown]
    try {
      // A provider another init is installing right now is held by it; wait, then see whether it is done.
      const types = [...new Set([...needs].map((n) => n.slice(0, n.lastIndexOf('@'))))].sort()
      for (const type of types) {
        if ([...needs].filter((n) => n.startsWith(`${type}@`)).every((n) => this.installed.has(n))) continue
        const lock = this.providerLocks.get(type) ?? this.providerLocks.set(type, new Mutex()).get(type)
        const release = await (lock as Mutex).acquire()
        if ([...needs].filter((n) => n.startsWith(`${type}@`)).every((n) => this.installed.has(n))) release()
        else releases.push(release)
      }
      return await init()
    } finally {
      for (const release of releases.reverse()) release()
    }
  }
}
