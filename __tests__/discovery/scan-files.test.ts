import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { defaultConfig } from '../../src/config/parse-config.js'
import { discover } from '../../src/discovery/io/discover.js'
import { listFiles } from '../../src/discovery/io/scan-files.js'
import type { DiscoveryWarning } from '../../src/model/deployment.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('symlinks', () => {
  it('follows a symlinked folder and file, as OpenTofu does', async () => {
    const tmp = tempDir({ 'shared/east/app/main.tf': '', 'real/west/db/main.tf': '' })
    try {
      mkdirSync(join(tmp.dir, 'stacks'))
      symlinkSync(join(tmp.dir, 'shared/east'), join(tmp.dir, 'stacks/east'))
      mkdirSync(join(tmp.dir, 'stacks/west/db'), { recursive: true })
      symlinkSync(join(tmp.dir, 'real/west/db/main.tf'), join(tmp.dir, 'stacks/west/db/main.tf'))
      const warnings: DiscoveryWarning[] = []
      expect(await listFiles(tmp.dir, 'stacks', warnings)).toEqual(['stacks/east/app/main.tf', 'stacks/west/db/main.tf'])
      expect(warnings).toEqual([])
    } finally {
      tmp.cleanup()
    }
  })

  it('stops at a symlink loop and reports broken links, naming them', async () => {
    const tmp = tempDir({ 'east/app/main.tf': '' })
    try {
      symlinkSync('..', join(tmp.dir, 'east/app/loop'))
      symlinkSync(join(tmp.dir, 'missing'), join(tmp.dir, 'east/dangling'))
      symlinkSync('self', join(tmp.dir, 'east/self'))
      const { deployments, warnings } = await discover(tmp.dir, defaultConfig())
      expect(deployments.map((d) => d.name)).toEqual(['east/app'])
      expect(warnings).toEqual([
        { file: 'east/app/loop', message: 'skipped: it is the folder east again (through a symlink), already scanned' },
        { file: 'east/dangling', message: 'skipped: a symlink that cannot be followed (its target does not exist)' },
        { file: 'east/self', message: 'skipped: a symlink that cannot be followed (it points to itself)' }
      ])
    } finally {
      tmp.cleanup()
    }
  })
})

describe('a folder reached both directly and through a symlink', () => {
  // Plain folders are only remembered in a list until the first symlinked folder is followed: both orders must still be caught.
  it.each([
    ['the link sorts first', 'a-link', 'b', 'b', 'a-link'],
    ['the plain folder sorts first', 'z-link', 'b', 'z-link', 'b']
  ])('is scanned once, whichever comes first (%s)', async (_, link, folder, skipped, earlier) => {
    const tmp = tempDir({ [`${folder}/deep/x.tf`]: '' })
    try {
      symlinkSync(join(tmp.dir, folder), join(tmp.dir, link))
      const warnings: DiscoveryWarning[] = []
      expect(await listFiles(tmp.dir, '.', warnings)).toEqual([`${earlier}/deep/x.tf`])
      expect(warnings).toEqual([{ file: skipped, message: `skipped: it is the folder ${earlier} again (through a symlink), already scanned` }])
    } finally {
      tmp.cleanup()
    }
  })
})

describe('layout roots', () => {
  it('warns about a configured root that does not exist or is a file', async () => {
    const tmp = tempDir({ 'region/app/main.tf': '', 'notes.txt': '' })
    try {
      const warnings: DiscoveryWarning[] = []
      expect(await listFiles(tmp.dir, 'regoin', warnings)).toEqual([])
      expect(await listFiles(tmp.dir, 'notes.txt', warnings)).toEqual([])
      expect(warnings).toEqual([
        { file: 'regoin', message: 'skipped: the layout root does not exist' },
        { file: 'notes.txt', message: 'skipped: the layout root is not a folder' }
      ])
    } finally {
      tmp.cleanup()
    }
  })
})
