import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

/**
 * What the first init of a root module may write into the plugin cache: a set
 * of `type@version` (`type@?` when the version is not pinned exactly), or
 * undefined when it cannot be known before init (a module from a registry or
 * git declares providers we cannot read yet). Keyed by provider type, not its
 * full address: two namespaces' `aws` share a lock, which costs nothing.
 */
export type ProviderNeeds = ReadonlySet<string> | undefined

const BUILTIN = new Set(['terraform'])
const EXACT = /^\s*=?\s*v?(\d+\.\d+\.\d+[\w.+-]*)\s*$/

/** The balanced `{...}` body that starts at `open` (the index of `{`). */
function body(text: string, open: number): string {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i)
  }
  return text.slice(open + 1)
}

/** Provider type -> exact versions (or '?') from one module's .tf text, and the local module paths it calls; undefined: a remote module. */
function scanModule(text: string, needs: Map<string, Set<string>>, localNames: Map<string, string>): string[] | undefined {
  const src = text.replace(/(^|[^:"])(#|\/\/).*$/gm, '$1').replace(/\/\*[\s\S]*?\*\//g, '')
  const add = (type: string, version: string) => {
    if (!BUILTIN.has(type)) (needs.get(type) ?? needs.set(type, new Set()).get(type))?.add(version)
  }
  for (const m of src.matchAll(/required_providers\s*\{/g)) {
    const block = body(src, (m.index ?? 0) + m[0].length - 1)
    for (const e of block.matchAll(/([\w-]+)\s*=\s*(\{[^}]*\}|"[^"]*")/g)) {
      const [, local = '', value = ''] = e
      const source = /source\s*=\s*"([^"]+)"/.exec(value)?.[1]
      const version = value.startsWith('"') ? value.slice(1, -1) : (/version\s*=\s*"([^"]+)"/.exec(value)?.[1] ?? '')
      const type = (source ?? local).split('/').pop()?.toLowerCase() ?? local
      localNames.set(local, type)
      add(type, EXACT.exec(version)?.[1] ?? '?')
    }
  }
  const used = [...src.matchAll(/^\s*(?:resource|data|ephemeral)\s+"([a-z0-9]+)[_"]/gm), ...src.matchAll(/^\s*provider\s+"([\w-]+)"/gm)]
  for (const [, local = ''] of used) if (!localNames.has(local)) add(local, '?')
  const calls: string[] = []
  for (const m of src.matchAll(/^\s*module\s+"[^"]+"\s*\{/gm)) {
    const source = /^\s*source\s*=\s*"([^"]+)"/m.exec(body(src, (m.index ?? 0) + m[0].length - 1))?.[1]
    if (!source || !/^\.\.?\//.test(source)) return undefined
    calls.push(source)
  }
  return calls
}

/** Versions from the root module's dependency lock file: exact, they win over constraints. */
function lockedVersions(lock: string): Map<string, string> {
  const locked = new Map<string, string>()
  for (const m of lock.matchAll(/provider\s+"([^"]+)"\s*\{/g)) {
    const version = /version\s*=\s*"([^"]+)"/.exec(body(lock, (m.index ?? 0) + m[0].length - 1))?.[1]
    if (version) locked.set(m[1]?.split('/').pop() ?? '', version)
  }
  return locked
}

const readText = (file: string): Promise<string> => readFile(file, 'utf8').catch(() => '')

/** The providers the first init of the root module at `rootAbs` may install (see ProviderNeeds). */
export async function rootProviders(rootAbs: string): Promise<ProviderNeeds> {
  const needs = new Map<string, Set<string>>()
  const seen = new Set<string>()
  const pending = [resolve(rootAbs)]
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    if (seen.has(dir)) continue
    seen.add(dir)
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.tf')).sort()
    const localNames = new Map<string, string>()
    // required_providers first: they name the local names that resources use.
    const text = (await Promise.all(files.map((f) => readText(join(dir as string, f))))).join('\n')
    const calls = scanModule(text, needs, localNames)
    if (calls === undefined) return undefined
    pending.push(...calls.map((c) => resolve(dir as string, c)))
  }
  const locked = lockedVersions(await readText(join(rootAbs, '.terraform.lock.hcl')))
  const out = new Set<string>()
  for (const [type, versions] of needs) {
    const lockedVersion = locked.get(type)
    if (lockedVersion) out.add(`${type}@${lockedVersion}`)
    for (const v of versions) if (v !== '?' || !lockedVersion) out.add(`${type}@${v}`)
  }
  for (const [type, v] of locked) if (!BUILTIN.has(type)) out.add(`${type}@${v}`)
  return out
}
