import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { readEnvironment } from '../../src/app/environment.js'
import { stateCommand } from '../../src/cli/state-command.js'
import { backupState } from '../../src/state/io/backup-state.js'
import { keyRecordKey, readKeyRecord } from '../../src/state/io/key-records.js'
import { s3StateStore } from '../../src/state/io/s3-state-store.js'
import type { ObjectStore } from '../../src/state/object-store.js'
import { startMinio, type Minio } from '../helpers/minio.js'
import { tempDir } from '../helpers/temp-dir.js'

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
/** A state file holding terraform_data resources with these names (and a data source, which is never an orphan). */
const stateWith = (serial: number, ...names: string[]): string =>
  JSON.stringify({
    version: 4,
    serial,
    lineage: 'lin',
    resources: [
      { mode: 'data', type: 'terraform_remote_state', name: 'r', instances: [{}] },
      ...names.map((name) => ({ mode: 'managed', type: 'terraform_data', name, instances: [{ attributes: {} }] }))
    ]
  })
const tfvars = (account: string, extra = 'iam_roles = {}'): string => `account_name = "${account}"\nregion = "us-east-1"\n${extra}\n`

let minio: Minio
let objects: ObjectStore
const saved = { ...process.env }
const ws = tempDir({
  'main.tf': 'terraform {\n  backend "s3" {}\n}\n',
  'd/alpha/alpha.tfvars': tfvars('acct'),
  'd/beta/beta.tfvars': tfvars('acct'),
  'd/gamma/gamma.tfvars': tfvars('other'),
  'd/delta/delta.tfvars': tfvars('acct', 'kms_keys = {}')
})
const local = tempDir({
  '.tf-orchestrator.yml': 'state:\n  type: local\n',
  'main.tf': 'terraform {\n  backend "local" {}\n}\n',
  'd/alpha/alpha.tfvars': tfvars('acct')
})
const ALPHA = 'iam/acct/us-east-1/alpha/terraform.tfstate'

beforeAll(async () => {
  minio = await startMinio()
  await minio.createBucket('states')
  // The orchestrator's own client takes the SDK's default chain: the environment here.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: minio.accessKeyId, AWS_SECRET_ACCESS_KEY: minio.secretAccessKey })
  ws.write('.tf-orchestrator.yml', `state:\n  type: s3\n  bucket: states\n  region: ${minio.region}\n  endpoint: ${minio.endpoint}\n  use_path_style: true\n  key_prefix: org/\n`)
  objects = s3StateStore({ bucket: 'states', region: minio.region, key_prefix: 'org/', endpoint: minio.endpoint, use_path_style: true, use_lockfile: true, encrypt: true }, minio.client).objects
})
afterAll(async () => {
  process.env = saved
  await minio?.stop()
  ws.cleanup()
  local.cleanup()
})

/** Runs `state ...args` in a working directory; returns the exit code and what it printed. */
async function state(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let code = 0
  const out: string[] = []
  const err: string[] = []
  const command = stateCommand({ output: { out: (t) => void out.push(t), err: (t) => void err.push(t) }, env: readEnvironment(), setExitCode: (c) => (code = c) })
  await command.parseAsync([...args, '-w', dir], { from: 'user' })
  return { code, out: out.join('\n'), err: err.join('\n') }
}
const text = async (store: ObjectStore, key: string): Promise<string | undefined> => {
  const bytes = await store.get(key)
  return bytes && Buffer.from(bytes).toString('utf8')
}

describe('state backups and restore (S3 on MinIO)', () => {
  it('lists a deployment backups with time, size and serial', async () => {
    await objects.put(ALPHA, stateWith(3, 'a'))
    await backupState(objects, ALPHA, new Date('2026-01-02T03:04:05Z'))
    await objects.put(ALPHA, stateWith(4, 'a', 'b'))
    await backupState(objects, ALPHA, new Date('2026-01-03T03:04:05Z'))
    const { code, out } = await state(ws.dir, 'backups', 'iam/acct/us-east-1/alpha')
    expect(code).toBe(0)
    expect(out.split('\n')).toEqual([
      `iam/acct/us-east-1/alpha: 2 backup(s) of ${ALPHA}`,
      expect.stringMatching(/^time \(UTC\) +size +serial +key$/),
      expect.stringMatching(new RegExp(`^2026-01-02T03:04:05Z +${stateWith(3, 'a').length} B +serial 3 +backups/${ALPHA}\\.20260102T030405Z\\.backup$`)),
      expect.stringMatching(new RegExp(`^2026-01-03T03:04:05Z +${stateWith(4, 'a', 'b').length} B +serial 4 +backups/${ALPHA}\\.20260103T030405Z\\.backup$`))
    ])
    const json = JSON.parse((await state(ws.dir, 'backups', 'iam/acct/us-east-1/alpha', '--json')).out) as { backups: { serial: number }[] }
    expect(json.backups.map((b) => b.serial)).toEqual([3, 4])
  })

  it('refuses a restore that would orphan resources, listing them, and changes nothing', async () => {
    await objects.put(ALPHA, stateWith(5, 'a', 'b', 'c'))
    const { code, err } = await state(ws.dir, 'restore', 'iam/acct/us-east-1/alpha', '--backup', `backups/${ALPHA}.20260102T030405Z.backup`, '--yes')
    expect(code).toBe(1)
    expect(err).toContain('the current state holds 2 resource(s) the backup lacks, which would be left unmanaged: terraform_data.b, terraform_data.c')
    expect(await text(objects, ALPHA)).toBe(stateWith(5, 'a', 'b', 'c'))
  })

  it('refuses a restore while another process holds the .tflock object', async () => {
    await objects.put(ALPHA, stateWith(5, 'a'))
    await objects.put(`${ALPHA}.tflock`, JSON.stringify({ ID: 'x1', Who: 'someone@ci', Operation: 'OperationTypeApply' }))
    try {
      const { code, err } = await state(ws.dir, 'restore', 'iam/acct/us-east-1/alpha', '--backup', `backups/${ALPHA}.20260103T030405Z.backup`, '--yes')
      expect(code).toBe(1)
      expect(err).toContain(`s3://states/org/${ALPHA} is locked by another process (someone@ci, OperationTypeApply, lock ID x1); nothing was changed`)
      expect(await text(objects, ALPHA)).toBe(stateWith(5, 'a'))
      expect(await objects.head(`${ALPHA}.tflock`)).toBeDefined() // someone else's lock stays
    } finally {
      await objects.delete(`${ALPHA}.tflock`)
    }
  })

  it('dry run says what would change; --yes restores under the lock, backs up the replaced state, and says what changed', async () => {
    await objects.put(ALPHA, stateWith(5, 'a'))
    const backup = `backups/${ALPHA}.20260103T030405Z.backup`
    const dry = await state(ws.dir, 'restore', 'iam/acct/us-east-1/alpha', '--backup', backup)
    expect(dry.out).toContain('dry run: restoring')
    expect(await text(objects, ALPHA)).toBe(stateWith(5, 'a'))
    const { code, out } = await state(ws.dir, 'restore', 'iam/acct/us-east-1/alpha', '--backup', backup, '--yes')
    expect(code).toBe(0)
    expect(out).toContain('  serial 5 -> 4')
    expect(out).toContain('  managed again (1): terraform_data.b')
    expect(out).toMatch(new RegExp(`the replaced state was backed up to backups/${ALPHA}\\.\\d{8}T\\d{6}Z\\.backup`))
    expect(await text(objects, ALPHA)).toBe(stateWith(4, 'a', 'b'))
    expect(await objects.head(`${ALPHA}.tflock`)).toBeUndefined()
  })

  it('prunes old backups: dry run unless --yes, never the newest backup of a state', async () => {
    const before = (await objects.list('backups/')).map((o) => o.key).sort()
    const dry = await state(ws.dir, 'prune', '--older-than', '90d')
    expect(dry.out).toContain('dry run: 2 backup(s) older than 90 days would be deleted')
    expect((await objects.list('backups/')).map((o) => o.key).sort()).toEqual(before)
    await state(ws.dir, 'prune', '--older-than', '90d', '--yes')
    expect((await objects.list('backups/')).map((o) => o.key).sort()).toEqual(before.filter((k) => !k.includes('.202601')))
  })
})

describe('state migrate (S3 on MinIO)', () => {
  const FROM = '{account}/{region}/{project}.tfstate'
  const old = { alpha: 'acct/us-east-1/alpha.tfstate', beta: 'acct/us-east-1/beta.tfstate', gamma: 'other/us-east-1/gamma.tfstate' }

  it('dry run lists old -> new and copies nothing; --yes copies and verifies; a second run changes nothing', async () => {
    await objects.delete(ALPHA)
    await objects.put(old.alpha, stateWith(9, 'a'))
    await objects.put(old.beta, stateWith(2, 'b'))
    const ids = ['iam/acct/us-east-1/alpha', 'iam/acct/us-east-1/beta']
    const dry = await state(ws.dir, 'migrate', ...ids, '--from', FROM)
    expect(dry.out.split('\n')).toEqual([
      `iam/acct/us-east-1/alpha: ${old.alpha} -> ${ALPHA}: will copy`,
      `iam/acct/us-east-1/beta: ${old.beta} -> iam/acct/us-east-1/beta/terraform.tfstate: will copy`,
      'dry run: 2 state(s) would be copied; run again with --yes to copy (old objects are kept)'
    ])
    expect(await objects.head(ALPHA)).toBeUndefined()
    const done = await state(ws.dir, 'migrate', ...ids, '--from', FROM, '--yes')
    expect(done.out).toContain('2 state(s) copied and verified; the old objects are kept')
    expect(await objects.head(ALPHA)).toMatchObject({ sha256: sha256(stateWith(9, 'a')), encryption: 'AES256' })
    expect(await objects.head(old.alpha)).toBeDefined()
    expect(await readKeyRecord(objects, 'd/alpha/alpha.tfvars')).toMatchObject({ stateKey: ALPHA, id: ids[0] })
    const snapshot = async () => (await objects.list('')).map((o) => `${o.key} ${o.lastModified.toISOString()}`).sort()
    const before = await snapshot()
    const again = await state(ws.dir, 'migrate', ...ids, '--from', FROM, '--yes')
    expect(again.out).toContain(`${old.alpha} -> ${ALPHA}: already at the new key (nothing to do)`)
    expect(again.out).toContain('0 state(s) copied')
    expect(await snapshot()).toEqual(before)
  })

  it('refuses, copying nothing, when a target exists with different content', async () => {
    await objects.put(old.gamma, stateWith(1, 'g'))
    await objects.put('iam/other/us-east-1/gamma/terraform.tfstate', stateWith(1, 'other'))
    await objects.put('acct/us-east-1/delta.tfstate', stateWith(1, 'd'))
    const { code, err } = await state(ws.dir, 'migrate', 'iam/other/us-east-1/gamma', 'kms/acct/us-east-1/delta', '--from', FROM, '--yes')
    expect(code).toBe(1)
    expect(err).toContain('refusing to migrate: iam/other/us-east-1/gamma: s3://states/org/iam/other/us-east-1/gamma/terraform.tfstate already exists with different content')
    expect(await objects.head('kms/acct/us-east-1/delta/terraform.tfstate')).toBeUndefined()
    expect(await objects.head(keyRecordKey('d/delta/delta.tfvars'))).toBeUndefined()
  })

  it('refuses when two deployments would take their state from one old key', async () => {
    const { code, err } = await state(ws.dir, 'migrate', '--from', '{account}/{region}/terraform.tfstate')
    expect(code).toBe(1)
    expect(err).toContain('3 deployments would take their state from one old key acct/us-east-1/terraform.tfstate: iam/acct/us-east-1/alpha, iam/acct/us-east-1/beta, kms/acct/us-east-1/delta')
  })
})

describe('state restore on local state', () => {
  it('refuses while OpenTofu local lock info file is present', async () => {
    const dir = join(local.dir, '.tf-orchestrator', 'state')
    local.write(`.tf-orchestrator/state/${ALPHA}`, stateWith(2, 'a'))
    local.write(`.tf-orchestrator/state/backups/${ALPHA}.20260101T000000Z.backup`, stateWith(1, 'a'))
    local.write('.tf-orchestrator/state/iam/acct/us-east-1/alpha/.terraform.tfstate.lock.info', JSON.stringify({ ID: 'l1', Who: 'dev@laptop' }))
    const refused = await state(local.dir, 'restore', 'iam/acct/us-east-1/alpha', '--backup', `backups/${ALPHA}.20260101T000000Z.backup`, '--yes')
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('is locked by another process (dev@laptop, lock ID l1)') })
    expect(readFileSync(join(dir, ...ALPHA.split('/')), 'utf8')).toBe(stateWith(2, 'a'))
    rmSync(join(dir, 'iam/acct/us-east-1/alpha/.terraform.tfstate.lock.info'))
    expect((await state(local.dir, 'restore', 'iam/acct/us-east-1/alpha', '--backup', `backups/${ALPHA}.20260101T000000Z.backup`, '--yes')).code).toBe(0)
    expect(readFileSync(join(dir, ...ALPHA.split('/')), 'utf8')).toBe(stateWith(1, 'a'))
    expect(existsSync(join(dir, 'iam/acct/us-east-1/alpha/.terraform.tfstate.lock.info'))).toBe(false)
  })
})

describe('state command usage', () => {
  it('a missing option or an unknown deployment is an error, never a process exit', async () => {
    await expect(state(ws.dir, 'restore', 'iam/acct/us-east-1/alpha')).rejects.toMatchObject({ code: 'commander.missingMandatoryOptionValue' })
    await expect(state(ws.dir, 'prune', '--older-than', '3 months')).rejects.toMatchObject({ code: 'commander.invalidArgument' })
    await expect(state(ws.dir, 'backups', 'iam/nope/us-east-1/x')).rejects.toThrow(/^no deployment iam\/nope\/us-east-1\/x in /)
  })
})
