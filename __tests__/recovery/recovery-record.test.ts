import { farmAnchor, skippedInFarm } from '../../src/recovery/farm-anchor.js'
import { commandIn, failedToSaveState, shellWord } from '../../src/recovery/recovery-record.js'

describe('commands for people', () => {
  it('quotes only words that need it', () => {
    expect(shellWord('/tmp/a-b/errored.tfstate')).toBe('/tmp/a-b/errored.tfstate')
    expect(shellWord('endpoints={ s3 = "x" }')).toBe(`'endpoints={ s3 = "x" }'`)
    expect(shellWord("it's")).toBe(`'it'\\''s'`)
  })

  it('builds the command as the orchestrator runs it: directory, data dir, binary, arguments', () => {
    expect(commandIn('/w/root mod', '/w/.tf-orchestrator/work/x', '/bin/tofu', ['state', 'push', '/d/errored.tfstate'])).toBe(
      "cd '/w/root mod' && TF_DATA_DIR=/w/.tf-orchestrator/work/x /bin/tofu state push /d/errored.tfstate"
    )
  })

  it("recognises OpenTofu's failed backend write", () => {
    expect(failedToSaveState('Error: Failed to save state\n\nError saving state: no space left on device')).toBe(true)
    expect(failedToSaveState('Error: local-exec provisioner error')).toBe(false)
  })
})

describe('the link farm anchor', () => {
  it('is the root module itself when its modules are below it (./modules/naming)', () => {
    expect(farmAnchor('/r/fleet', '/r/fleet', ['.', 'modules/naming'])).toBe('/r/fleet')
  })

  it('rises to the common ancestor of `..` modules and the working directory', () => {
    expect(farmAnchor('/r/oci/toronto/compute', '/r/oci/toronto', ['.', '../../modules/compute'])).toBe('/r/oci')
    expect(farmAnchor('/r/oci/toronto/network', '/r/oci/toronto', [])).toBe('/r/oci/toronto')
    expect(farmAnchor('/a/b', '/c', [])).toBe('/')
  })

  it("leaves OpenTofu's data and state files out of the directory it runs in, and links the rest", () => {
    expect(['.terraform', 'errored.tfstate', 'terraform.tfstate'].every(skippedInFarm)).toBe(true)
    expect(['main.tf', '.tf-orchestrator', '.terraform.lock.hcl'].some(skippedInFarm)).toBe(false)
  })
})
