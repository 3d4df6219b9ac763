import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { checkStateAfterKill } from '../../src/locks/io/state-repair.js'
import { localStateStore } from '../../src/state/io/local-state-store.js'
import { tempDir } from '../helpers/temp-dir.js'

const key = 'app/acct/east/proj/terraform.tfstate'
const lockKey = 'app/acct/east/proj/.terraform.tfstate.lock.info'
const state = (serial: number): string => JSON.stringify({ version: 4, serial, resources: [] })
const since = new Date('2026-03-01T10:00:00Z')
const log = '=== apply (attempt 1, exit null) ===\nterraform_data.made: Creation complete after 0s [id=1]\n'
const tmp = tempDir()
afterAll(() => tmp.cleanup())
let n = 0
const fresh = () => localStateStore(join(tmp.dir, String(++n)))

describe('the state check after a kill during apply', () => {
  it('leaves a readable state alone, names what it lacks, and removes only the backend lock the killed command took', async () => {
    const store = fresh()
    await store.objects.put(key, state(3))
    await store.objects.put(lockKey, JSON.stringify({ ID: 'l', Who: 'ci@host-1', Created: '2026-03-01T10:00:02Z' }))
    expect(await checkStateAfterKill(store, key, { log, since, who: 'ci@host-1' })).toEqual({ status: 'ok', releasedLock: lockKey, createdSinceBackup: ['terraform_data.made'] })
    expect(await store.objects.get(lockKey)).toBeUndefined()
    // Someone else's lock (another host, or older than the command) stays.
    await store.objects.put(lockKey, JSON.stringify({ ID: 'l', Who: 'ci@host-2', Created: '2026-03-01T10:00:02Z' }))
    // What the state holds is not named again.
    await store.objects.put(key, JSON.stringify({ version: 4, resources: [{ mode: 'managed', type: 'terraform_data', name: 'made', instances: [{}] }] }))
    expect(await checkStateAfterKill(store, key, { log, since, who: 'ci@host-1' })).toEqual({ status: 'ok' })
    expect(await store.objects.get(lockKey)).toBeDefined()
  })

  it('puts the newest readable backup back over an empty state and names what was created since', async () => {
    const store = fresh()
    await store.objects.put('backups/app/acct/east/proj/terraform.tfstate.20260101T000000Z.backup', state(1))
    await store.objects.put('backups/app/acct/east/proj/terraform.tfstate.20260201T000000Z.backup', state(2))
    await store.objects.put('backups/app/acct/east/proj/terraform.tfstate.20260301T000000Z.backup', '{"torn') // unreadable: skipped
    await store.objects.put(key, '')
    const check = await checkStateAfterKill(store, key, { log, since, who: 'ci@host-1' })
    expect(check).toEqual({
      status: 'restored',
      problem: 'it is empty (0 bytes)',
      restoredFrom: 'backups/app/acct/east/proj/terraform.tfstate.20260201T000000Z.backup',
      createdSinceBackup: ['terraform_data.made']
    })
    expect(new TextDecoder().decode(await store.objects.get(key))).toBe(state(2))
  })

  it('prefers the backup taken before this apply, but only when its checksum still matches', async () => {
    const store = fresh()
    const recorded = 'backups/app/acct/east/proj/terraform.tfstate.20260101T000000Z.backup'
    await store.objects.put(recorded, state(1))
    await store.objects.put('backups/app/acct/east/proj/terraform.tfstate.20260201T000000Z.backup', state(2))
    await store.objects.put(key, '{"version":4,"ser')
    const sha256 = createHash('sha256').update(state(1)).digest('hex')
    expect(await checkStateAfterKill(store, key, { log, since, backup: { key: recorded, sha256 } })).toMatchObject({ status: 'restored', restoredFrom: recorded })
    await store.objects.put(key, '')
    expect(await checkStateAfterKill(store, key, { log, since, backup: { key: recorded, sha256: 'f'.repeat(64) } })).toMatchObject({
      restoredFrom: 'backups/app/acct/east/proj/terraform.tfstate.20260201T000000Z.backup'
    })
  })

  it('says so when there is no backup to restore a broken state, and when there was no state to lose', async () => {
    const store = fresh()
    await store.objects.put(key, '{"version":4,"ser')
    expect(await checkStateAfterKill(store, key, { log, since })).toMatchObject({
      status: 'unrecoverable',
      problem: expect.stringMatching(/^it is not JSON/),
      error: `no readable backup of ${key}`,
      createdSinceBackup: ['terraform_data.made']
    })
    // Absent, or empty with no backup: a first apply killed before it wrote anything. Nothing to lose but what the log names.
    expect(await checkStateAfterKill(fresh(), key, { log, since })).toEqual({ status: 'missing', problem: 'it does not exist', createdSinceBackup: ['terraform_data.made'] })
    const emptied = fresh()
    await emptied.objects.put(key, '')
    expect(await checkStateAfterKill(emptied, key, { log, since })).toMatchObject({ status: 'missing', problem: 'it is empty (0 bytes)' })
  })
})
