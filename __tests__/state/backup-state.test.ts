import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { ObjectStore } from '../../src/state/object-store.js'
import { backupKey, backupMismatch, backupState, backupTimestamp } from '../../src/state/io/backup-state.js'
import { localObjectStore } from '../../src/state/io/local-object-store.js'
import { localStateStore } from '../../src/state/io/local-state-store.js'
import { backupsToPrune, parseBackupKey, pruneBackups } from '../../src/state/io/prune-backups.js'
import { s3ObjectStore } from '../../src/state/io/s3-object-store.js'
import { startMinio, type Minio } from '../helpers/minio.js'
import { tempDir } from '../helpers/temp-dir.js'

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
const STATE = 's3/acct/us-east-1/proj/terraform.tfstate'
const at = (iso: string): Date => new Date(iso)

let minio: Minio
const local = tempDir()
let count = 0
beforeAll(async () => {
  minio = await startMinio()
})
afterAll(async () => {
  await minio?.stop()
  local.cleanup()
})

describe('backup keys and verification', () => {
  it('names a backup after its state key and the UTC second', () => {
    expect(backupTimestamp(at('2026-01-05T09:30:07.123Z'))).toBe('20260105T093007Z')
    expect(backupKey(STATE, at('2026-01-05T09:30:07Z'))).toBe(`backups/${STATE}.20260105T093007Z.backup`)
    expect(parseBackupKey(`backups/${STATE}.20260105T093007Z.backup`)).toEqual({ stateKey: STATE, at: at('2026-01-05T09:30:07Z') })
    expect(parseBackupKey(`backups/${STATE}`)).toBeUndefined()
  })

  it('reports a missing copy, a size and a SHA-256 that differ', () => {
    const source = { size: 10, sha256: sha256('a') }
    expect(backupMismatch(source, { ...source })).toBeUndefined()
    expect(backupMismatch(source, undefined)).toBe('the backup is not there')
    expect(backupMismatch(source, { size: 9, sha256: source.sha256 })).toBe('the backup has 9 bytes, the state 10')
    expect(backupMismatch(source, { size: 10, sha256: sha256('b') })).toMatch(/^the backup's sha256 [0-9a-f]{64} differs from the state's [0-9a-f]{64}$/)
  })

  it('prunes old backups per state but never the newest one of a state', () => {
    const keys = [
      backupKey('a/terraform.tfstate', at('2026-01-01T00:00:00Z')),
      backupKey('a/terraform.tfstate', at('2026-01-02T00:00:00Z')),
      backupKey('a/terraform.tfstate', at('2026-01-20T00:00:00Z')),
      backupKey('b/terraform.tfstate', at('2025-06-01T00:00:00Z')), // old, but b's only backup
      'backups/not-a-backup.txt'
    ]
    expect(backupsToPrune(keys, at('2026-01-10T00:00:00Z'))).toEqual([keys[0], keys[1]])
    expect(backupsToPrune(keys, at('2027-01-01T00:00:00Z'))).toEqual([keys[0], keys[1]])
    expect(backupsToPrune(keys, at('2025-01-01T00:00:00Z'))).toEqual([])
  })
})

const stores: [string, () => Promise<ObjectStore>][] = [
  [
    's3',
    async () => {
      const bucket = `backup-${++count}`
      await minio.createBucket(bucket)
      return s3ObjectStore(minio.client, { bucket, prefix: 'org/', encryption: { kind: 'aws:kms', keyId: minio.kmsKeyName } })
    }
  ],
  ['local', async () => localObjectStore(join(local.dir, `state-${++count}`))]
]

describe.each(stores)('backing up the state in the %s store', (name, makeStore) => {
  let store: ObjectStore
  beforeEach(async () => {
    store = await makeStore()
  })

  it('says there is no previous state, and writes nothing', async () => {
    expect(await backupState(store, STATE)).toEqual({ status: 'no-previous-state' })
    expect(await store.list('')).toEqual([])
  })

  it('copies the state to a verified, timestamped backup', async () => {
    const body = JSON.stringify({ version: 4, serial: 3, resources: [] })
    await store.put(STATE, body)
    const result = await backupState(store, STATE, at('2026-03-04T05:06:07Z'))
    const key = `backups/${STATE}.20260304T050607Z.backup`
    expect(result).toEqual({ status: 'backed-up', key, size: body.length, sha256: sha256(body) })
    expect(Buffer.from((await store.get(key)) ?? []).toString()).toBe(body)
    const head = await store.head(key)
    expect(head).toMatchObject({ size: body.length, sha256: sha256(body) })
    if (name === 's3') expect(head).toMatchObject({ encryption: 'aws:kms', kmsKeyId: expect.stringContaining(minio.kmsKeyName) })
  })

  it('throws naming the state when the copy cannot be made', async () => {
    await store.put(STATE, '{}')
    // A file where the backups folder of this state should be makes the copy fail for real.
    await store.put('backups/s3/acct', 'in the way')
    const broken = name === 's3' ? s3ObjectStore(minio.client, { bucket: `backup-${count}`, prefix: 'org/', encryption: { kind: 'aws:kms', keyId: 'no-such-key' } }) : store
    await expect(backupState(broken, STATE)).rejects.toThrow(new RegExp(`^cannot back up .*${STATE} to backups/${STATE}\\.\\d{8}T\\d{6}Z\\.backup: `))
  })

  it('throws when the copy does not match the state', async () => {
    await store.put(STATE, 'the real state')
    // The real store, except that its copy writes other bytes: of the same length, then shorter.
    const copyingAs = (body: string): ObjectStore => ({ ...store, copy: async (_from, to) => store.put(to, body) })
    await expect(backupState(copyingAs('something else'), STATE)).rejects.toThrow(
      new RegExp(`^backup of .*${STATE} to backups/.* failed verification: the backup's sha256 ${sha256('something else')} differs`)
    )
    await expect(backupState(copyingAs('short'), STATE)).rejects.toThrow('failed verification: the backup has 5 bytes, the state 14')
  })

  it('prunes: dry run lists, apply deletes, the newest backup of each state stays', async () => {
    await store.put(STATE, 'state')
    await store.put('other/terraform.tfstate', 'other')
    for (const day of ['01', '02', '03']) await backupState(store, STATE, at(`2026-02-${day}T12:00:00Z`))
    await backupState(store, 'other/terraform.tfstate', at('2025-01-01T00:00:00Z'))
    const now = at('2026-03-01T00:00:00Z')
    const old = [`backups/${STATE}.20260201T120000Z.backup`, `backups/${STATE}.20260202T120000Z.backup`]
    expect(await pruneBackups(store, { retentionDays: 7, now })).toEqual({ dryRun: true, keys: old })
    expect(await store.list('backups/')).toHaveLength(4)
    expect(await pruneBackups(store, { retentionDays: 7, now, stateKey: 'other/terraform.tfstate', apply: true })).toEqual({ dryRun: false, keys: [] })
    expect(await pruneBackups(store, { retentionDays: 7, now, apply: true })).toEqual({ dryRun: false, keys: old })
    expect((await store.list('backups/')).map((o) => o.key).sort()).toEqual([
      'backups/other/terraform.tfstate.20250101T000000Z.backup',
      `backups/${STATE}.20260203T120000Z.backup`
    ])
    await expect(pruneBackups(store, { retentionDays: -1 })).rejects.toThrow('retention must be zero or more days, not -1')
  })
})

describe('backing up a local state folder', () => {
  it('finds the state the local backend wrote and keeps the backups in backups/ beside it', async () => {
    const dir = join(local.dir, 'working', '.tf-orchestrator', 'state')
    const statePath = localStateStore(dir).describe(STATE)
    mkdirSync(dirname(statePath), { recursive: true })
    writeFileSync(statePath, '{"version":4}')
    const result = await backupState(localObjectStore(dir), STATE, at('2026-01-01T00:00:00Z'))
    expect(result).toMatchObject({ status: 'backed-up', key: `backups/${STATE}.20260101T000000Z.backup` })
    expect(localStateStore(dir).describe(`backups/${STATE}.20260101T000000Z.backup`)).toBe(
      join(dir, 'backups', 's3', 'acct', 'us-east-1', 'proj', 'terraform.tfstate.20260101T000000Z.backup')
    )
  })
})
