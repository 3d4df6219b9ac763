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

/** Names a link farm never mirrors: the orchestrator's and OpenTofu's own files, VCS data, state written beside the module. */
export function skippedInFarm(name: string): boolean {
  return ['.tf-orchestrator', '.terraform', '.git', 'errored.tfstate', 'terraform.tfstate', 'terraform.tfstate.backup'].includes(name)
}
