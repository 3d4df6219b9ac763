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
})
