import { lstat, mkdir, readdir, readFile, rm, symlink } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { farmAnchor, skippedInFarm } from '../farm-anchor.js'

/** Local module folders (`./x`, `../x`) from the modules.json `init` wrote into the data dir, relative to the root module. */
async function localModuleDirs(dataDir: string): Promise<string[]> {
  try {
    const json = JSON.parse(await readFile(join(dataDir, 'modules', 'modules.json'), 'utf8')) as { Modules?: { Source?: string; Dir?: string }[] }
    return (json.Modules ?? []).filter((m) => /^\.\.?\//.test(m.Source ?? '') && m.Dir).map((m) => m.Dir as string)
  } catch {
    return [] // no modules installed
  }
}

/** Links every entry of `real` into `farm` except `keepReal` (a real folder on the path down; undefined at the root module, where skipped names stay out); old links go first. */
async function mirrorLevel(real: string, farm: string, keepReal: string | undefined): Promise<void> {
  await mkdir(farm, { recursive: true })
  for (const entry of await readdir(farm, { withFileTypes: true })) {
    // Links are rebuilt (a deleted .tf file must disappear); real files (errored.tfstate) stay.
    if (entry.isSymbolicLink()) await rm(join(farm, entry.name))
  }
  for (const name of await readdir(real)) {
    if (name === keepReal || (keepReal === undefined && skippedInFarm(name))) continue
    if (await lstat(join(farm, name)).catch(() => undefined)) continue
    await symlink(join(real, name), join(farm, name))
  }
}

/**
 * The deployment's own working directory: a link farm under `farmDir` that
 * mirrors the root module and every folder above it up to the anchor (see
 * farmAnchor), with real folders along the way so `..` resolves inside the
 * farm. OpenTofu writes errored.tfstate into the directory it runs in, so each
 * deployment's errored state lands in a place of its own. Returns that directory.
 */
export async function linkFarm(rootModule: string, workingDir: string, dataDir: string, farmDir: string): Promise<string> {
  const root = resolve(rootModule)
  const anchor = farmAnchor(root.split(sep).join('/'), resolve(workingDir).split(sep).join('/'), await localModuleDirs(dataDir))
  const down = relative(anchor, root).split(sep).filter(Boolean)
  let real = anchor
  let farm = farmDir
  for (const part of [...down, undefined]) {
    await mirrorLevel(real, farm, part)
    if (part === undefined) break
    real = join(real, part)
    farm = join(farm, part)
  }
  return farm
}
