import { joinPosix } from '../model/posix-path.js'

/**
 * The folder a deployment's link farm mirrors: the deepest common ancestor of
 * its root module, the working directory and every local module it calls
 * (module `Dir`s from modules.json are relative to the root module). Mirroring
 * from there keeps `../../modules/x` and `./modules/x` resolving. Absolute posix paths.
 */
export function farmAnchor(rootModule: string, workingDir: string, moduleDirs: readonly string[]): string {
  const folders = [rootModule, workingDir, ...moduleDirs.map((dir) => (dir.startsWith('/') ? dir : joinPosix(rootModule, dir)))]
  let common = joinPosix(folders[0] as string).split('/')
  for (const folder of folders.slice(1)) {
    const parts = joinPosix(folder).split('/')
    let same = 0
    while (same < common.length && same < parts.length && common[same] === parts[same]) same++
    common = common.slice(0, same)
  }
  return common.join('/') || '/'
}

/**
 * Names the farm does not mirror into the directory OpenTofu runs in: what
 * OpenTofu writes there (errored.tfstate, a default local state) and its own
 * data folder. Everything else is linked, `.tf-orchestrator` included, since
 * configurations read paths such as `../.tf-orchestrator/state/...`.
 */
export function skippedInFarm(name: string): boolean {
  return ['.terraform', 'errored.tfstate', 'terraform.tfstate', 'terraform.tfstate.backup'].includes(name)
}
