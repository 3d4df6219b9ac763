import { constants, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { closeFd, fstatFd, openFd, unlinkPath, writeAll } from '../../src/state/io/pool-fs.js'
import { tempDir } from '../helpers/temp-dir.js'

// The callback-API file calls the local object store writes through.

const local = tempDir()
afterAll(() => local.cleanup())
const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL

describe('pool file calls', () => {
  it('write all of a buffer larger than one write takes, and stat what was written', async () => {
    const path = join(local.dir, 'big')
    const bytes = Buffer.alloc(9 * 1024 * 1024 + 7)
    for (let i = 0; i < bytes.length; i += 4093) bytes[i] = i % 251
    const fd = await openFd(path, CREATE)
    try {
      await writeAll(fd, bytes)
      expect((await fstatFd(fd)).size).toBe(bytes.length)
    } finally {
      await closeFd(fd)
    }
    expect(readFileSync(path).equals(bytes)).toBe(true)
  })

  it('reject with the error code of the failed call', async () => {
    const path = join(local.dir, 'once')
    await closeFd(await openFd(path, CREATE))
    await expect(openFd(path, CREATE)).rejects.toMatchObject({ code: 'EEXIST' })
    await expect(openFd(join(local.dir, 'missing', 'x'), CREATE)).rejects.toMatchObject({ code: 'ENOENT' })
    await unlinkPath(path)
    expect(() => statSync(path)).toThrow(/ENOENT/)
    await expect(unlinkPath(path)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
