import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { batchedAppends } from '../../src/terraform/io/batched-appends.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('batched appends', () => {
  const tmp = tempDir()
  afterAll(() => tmp.cleanup())

  it('write when asked, on their own within the interval, and what is left on close', async () => {
    const appends = batchedAppends(100, 2)
    const file = (i: number): string => join(tmp.dir, `f${i}.log`)
    appends.add(file(0), 'a\n')
    appends.add(file(0), 'b\n')
    expect(existsSync(file(0))).toBe(false)
    appends.flush(file(0))
    expect(readFileSync(file(0), 'utf8')).toBe('a\nb\n')
    // More files than stay open: each still gets all its text, in order.
    for (let round = 0; round < 2; round++) for (let i = 1; i <= 4; i++) appends.add(file(i), `${round}\n`)
    await sleep(300)
    for (let i = 1; i <= 4; i++) expect(readFileSync(file(i), 'utf8')).toBe('0\n1\n')
    appends.add(file(0), 'c\n')
    appends.close()
    expect(readFileSync(file(0), 'utf8')).toBe('a\nb\nc\n')
  })
})
