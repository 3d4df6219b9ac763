import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, type BigIntStats } from 'node:fs'
import { defaultConfig } from '../../src/config/parse-config.js'
import { discover } from '../../src/discovery/io/discover.js'
import { tfvarsReadCacheFile } from '../../src/discovery/io/tfvars-read-cache.js'
import { RACY_MARGIN_NS, settled } from '../../src/discovery/io/tfvars-read-format.js'
import { tempDir } from '../helpers/temp-dir.js'

const tfvars = (account: string, region: string, key = 's3_buckets'): string => `account_name = "${account}"\nregion = "${region}"\n${key} = {}\n`
const files = {
  'main.tf': 'variable "account_name" {}\nvariable "region" {}\n',
  'd/a/a.tfvars': tfvars('acct', 'r1'),
  'd/b/b.tfvars': tfvars('acct', 'r1', 'kms_keys'),
  'd/c/c.tfvars': tfvars('acct', 'r2')
}
const ids = async (dir: string): Promise<string[]> => (await discover(dir, defaultConfig())).deployments.map((d) => d.id)
const reads = async (dir: string): Promise<number | undefined> => (await discover(dir, defaultConfig())).fileReads

/** As if the cache had been written long after the files last changed: its entries are settled. */
function settle(dir: string): void {
  const later = new Date(Date.now() + 60_000)
  utimesSync(tfvarsReadCacheFile(dir), later, later)
}

describe('the tfvars read cache', () => {
  it('lets a warm discovery stat the files instead of reading them, with the same deployments', async () => {
    const tmp = tempDir(files)
    try {
      const cold = await discover(tmp.dir, defaultConfig())
      expect(cold.fileReads).toBe(3)
      settle(tmp.dir)
      const warm = await discover(tmp.dir, defaultConfig())
      expect(warm.fileReads).toBe(0)
      expect(warm.deployments).toEqual(cold.deployments)
    } finally {
      tmp.cleanup()
    }
  })

  it('reads again a file changed shortly before the cache was written, even when its stat matches (racy-clean)', async () => {
    const tmp = tempDir(files)
    try {
      await discover(tmp.dir, defaultConfig())
      // The files were written just now, within the margin of the cache's write: none is trusted yet.
      expect(await reads(tmp.dir)).toBe(3)
      settle(tmp.dir)
      expect(await reads(tmp.dir)).toBe(0)
    } finally {
      tmp.cleanup()
    }
  })

  it('trusts an entry only when the file changed strictly before the write time minus the margin', () => {
    const at = (mtimeNs: bigint, ctimeNs: bigint): BigIntStats => ({ mtimeNs, ctimeNs }) as BigIntStats
    const written = 1_700_000_000_000_000_000n
    const trustedBefore = written - RACY_MARGIN_NS
    expect(settled(at(trustedBefore - 1n, trustedBefore - 1n), trustedBefore)).toBe(true)
    expect(settled(at(trustedBefore, trustedBefore - 1n), trustedBefore)).toBe(false)
    expect(settled(at(trustedBefore - 1n, trustedBefore), trustedBefore)).toBe(false)
    expect(settled(at(written, written), trustedBefore)).toBe(false)
  })

  it('sees a file rewritten with the same size within the same second', async () => {
    const tmp = tempDir(files)
    try {
      expect(await ids(tmp.dir)).toEqual(['s3/acct/r1/a', 'kms/acct/r1/b', 's3/acct/r2/c'])
      // Settled entries: only the stat tells a changed file from an unchanged one now.
      settle(tmp.dir)
      const before = statSync(`${tmp.dir}/d/a/a.tfvars`)
      tmp.write('d/a/a.tfvars', tfvars('acct', 'r9'))
      expect(statSync(`${tmp.dir}/d/a/a.tfvars`).size).toBe(before.size)
      const rewritten = await discover(tmp.dir, defaultConfig())
      expect(rewritten.deployments.map((d) => d.id)).toEqual(['s3/acct/r9/a', 'kms/acct/r1/b', 's3/acct/r2/c'])
      expect(rewritten.fileReads).toBe(1)
      // Its modification time put back, as tools that keep times do: the stat still tells (the ctime moved).
      settle(tmp.dir)
      const b = statSync(`${tmp.dir}/d/b/b.tfvars`)
      tmp.write('d/b/b.tfvars', tfvars('acct', 'r8', 'kms_keys'))
      utimesSync(`${tmp.dir}/d/b/b.tfvars`, b.atime, b.mtime)
      expect(await ids(tmp.dir)).toEqual(['s3/acct/r9/a', 'kms/acct/r8/b', 's3/acct/r2/c'])
    } finally {
      tmp.cleanup()
    }
  })

  it('follows files added, removed and renamed between discoveries', async () => {
    const tmp = tempDir(files)
    try {
      await discover(tmp.dir, defaultConfig())
      settle(tmp.dir)
      rmSync(`${tmp.dir}/d/b`, { recursive: true })
      tmp.write('d/aa/aa.tfvars', tfvars('acct', 'r3'))
      tmp.write('d/z/z.tfvars', tfvars('other', 'r1', 'kms_keys'))
      const changed = await discover(tmp.dir, defaultConfig())
      expect(changed.deployments.map((d) => d.id)).toEqual(['s3/acct/r1/a', 's3/acct/r3/aa', 's3/acct/r2/c', 'kms/other/r1/z'])
      expect(changed.fileReads).toBe(2)
    } finally {
      tmp.cleanup()
    }
  })

  it('works when deleted, ignores a damaged file, and is not written when turned off', async () => {
    const tmp = tempDir(files)
    try {
      const expected = await ids(tmp.dir)
      const file = tfvarsReadCacheFile(tmp.dir)
      const whole = readFileSync(file, 'utf8')
      rmSync(file)
      expect(await ids(tmp.dir)).toEqual(expected)
      expect(existsSync(file)).toBe(true)
      for (const damaged of ['', 'not a cache', whole.slice(0, -3), whole.replace('tfvars-read/', 'tfvars-read/0'), whole.replaceAll('\t', ' '), whole.replace(/\t0\n/, '\t99\n')]) {
        writeFileSync(file, damaged)
        settle(tmp.dir)
        expect(await ids(tmp.dir)).toEqual(expected)
      }
      rmSync(file)
      expect((await discover(tmp.dir, defaultConfig(), { cache: false })).deployments.map((d) => d.id)).toEqual(expected)
      expect(existsSync(file)).toBe(false)
    } finally {
      tmp.cleanup()
    }
  })

  it('stores what a file gave, not its deployment: a new service mapping applies to cached files', async () => {
    const tmp = tempDir(files)
    try {
      await discover(tmp.dir, defaultConfig())
      settle(tmp.dir)
      const config = { ...defaultConfig(), serviceMapping: { ...defaultConfig().serviceMapping, s3_buckets: 'storage' } }
      const warm = await discover(tmp.dir, config)
      expect(warm.fileReads).toBe(0)
      expect(warm.deployments.map((d) => d.id)).toEqual(['storage/acct/r1/a', 'kms/acct/r1/b', 'storage/acct/r2/c'])
    } finally {
      tmp.cleanup()
    }
  })
})
