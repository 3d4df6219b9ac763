import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startOpaServer } from '../../src/policy/io/opa-server.js'

// A stand-in for a hung OPA: it serves /health on the unix socket and ignores SIGTERM.
const HUNG_OPA = `#!/usr/bin/env node
const http = require('node:http')
const addr = process.argv[process.argv.indexOf('--addr') + 1].replace('unix://', '')
process.on('SIGTERM', () => {})
http.createServer((req, res) => res.end('{}')).listen(addr)
`

describe('OPA server stop', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tforch-opa-stop-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('kills an OPA that ignores SIGTERM within a bounded time', async () => {
    const opa = join(dir, 'opa')
    writeFileSync(opa, HUNG_OPA)
    chmodSync(opa, 0o755)
    const server = await startOpaServer(opa, [], join(dir, 's.sock'), 300)
    const pidAlive = (): boolean => {
      try {
        // The server's pid is not exposed; find it by its socket argument.
        return execFileSync('pgrep', ['-f', join(dir, 's.sock')]).toString().trim() !== ''
      } catch {
        return false
      }
    }
    expect(pidAlive()).toBe(true)
    const started = Date.now()
    await server.stop()
    expect(Date.now() - started).toBeLessThan(2500)
    expect(pidAlive()).toBe(false)
  })
})
