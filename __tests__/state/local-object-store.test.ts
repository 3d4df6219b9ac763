import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ObjectExistsError } from '../../src/state/object-store.js'
import { localObjectStore } from '../../src/state/io/local-object-store.js'
import { tempDir } from '../helpers/temp-dir.js'

// The local-only part of the object store; the shared behaviour is in object-store-contract.test.ts.

const local = tempDir()
afterAll(() => local.cleanup())

describe('the local object store', () => {
  it('refuses to write through a file that is in the way, naming it', async () => {
    const store = localObjectStore(join(local.dir, 'in-the-way'))
    await store.put('s3/acct', 'a file where a folder should be')
    await expect(store.put('s3/acct/us-east-1/terraform.tfstate', '{}')).rejects.toThrow(
      `cannot write s3/acct/us-east-1/terraform.tfstate: ${join(local.dir, 'in-the-way', 's3', 'acct')} is a file, not a folder`
    )
    await store.put('dir/child', 'x')
    await expect(store.put('dir', 'y')).rejects.toThrow(`cannot write dir: ${join(local.dir, 'in-the-way', 'dir')} is a folder`)
  })

  it('leaves no temporary files behind, also after a refused create-only write', async () => {
    const root = join(local.dir, 'no-temps')
    const store = localObjectStore(root)
    await store.put('k/v', 'one')
    await expect(store.put('k/v', 'two', { ifNoneMatch: true })).rejects.toThrow(ObjectExistsError)
    await store.put('k/v', 'three')
    expect(readdirSync(join(root, 'k'))).toEqual(['v'])
  })

  it('reads small objects and large ones (beyond the direct read) in full, and a folder as no object', async () => {
    const store = localObjectStore(join(local.dir, 'sizes'))
    const large = Buffer.alloc(300 * 1024, 'x')
    await store.put('large', large)
    await store.put('small', 'abc')
    await store.put('empty', '')
    await store.put('folder/child', 'x')
    expect(Buffer.from((await store.get('large')) ?? []).equals(large)).toBe(true)
    expect(Buffer.from((await store.get('small')) ?? []).toString()).toBe('abc')
    expect((await store.get('empty'))?.byteLength).toBe(0)
    expect(await store.get('folder')).toBeUndefined()
    expect(await store.get('missing/key')).toBeUndefined()
  })

  it('writes into folders that do not exist yet, and its objects carry the mtime head reports', async () => {
    const store = localObjectStore(join(local.dir, 'new-folders'))
    const put = await store.put('a/b/c/record.json', '{}', { ifNoneMatch: true })
    expect((await store.head('a/b/c/record.json'))?.lastModified).toEqual(put.lastModified)
    expect(readdirSync(join(local.dir, 'new-folders', 'a', 'b', 'c'))).toEqual(['record.json'])
  })
})
