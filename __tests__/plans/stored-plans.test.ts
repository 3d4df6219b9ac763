import { join } from 'node:path'
import { parseRunRequest } from '../../src/app/run-request.js'
import { configHash } from '../../src/plans/io/config-hash.js'
import { parseReviewRef, ReviewRefError } from '../../src/plans/review-ref.js'
import { staleReason } from '../../src/plans/stored-plan-meta.js'
import { localObjectStore } from '../../src/state/io/local-object-store.js'
import { tempDir } from '../helpers/temp-dir.js'
import { metaFor, storedPlanBehaviour } from './stored-plan-behaviour.js'

describe('stored plans in a local folder store', () => {
  const tmp = tempDir()
  afterAll(() => tmp.cleanup())
  let n = 0
  storedPlanBehaviour(() => localObjectStore(join(tmp.dir, `store-${n++}`)))
})

describe('review references and staleness', () => {
  it('parses owner/repo#pr@sha and refuses what cannot be a key', () => {
    expect(parseReviewRef('Acme/infra-live#42@ABCDEF0123')).toEqual({ repository: 'Acme/infra-live', pullRequest: 42, headSha: 'abcdef0123' })
    expect(() => parseReviewRef('acme#42@abcdef0')).toThrow(ReviewRefError)
    expect(() => parseReviewRef('acme/..#42@abcdef0')).toThrow("contains '..'")
    expect(() => parseReviewRef('acme/infra#0@abcdef0')).toThrow('positive whole number')
  })

  it('takes --review, --plan-retention-days and --rerun-failed through the one run request schema', () => {
    expect(parseRunRequest({ command: 'plan', all: 'true', review: 'acme/infra#7@abc1234', planRetentionDays: '14' }, 'cli').run).toMatchObject({ review: 'acme/infra#7@abc1234', planRetentionDays: 14 })
    expect(() => parseRunRequest({ command: 'apply', all: 'true', review: 'acme#7' }, 'cli')).toThrow('--review: must be owner/repo#<pull request>@<head sha>, got "acme#7"')
    expect(() => parseRunRequest({ command: 'drift', all: 'true', review: 'acme/infra#7@abc1234' }, 'action')).toThrow('input review cannot be used with it')
    // An earlier run is a selection of its own.
    expect(parseRunRequest({ command: 'apply', rerunFailed: 'run-1' }, 'cli').run).toMatchObject({ rerunFailed: 'run-1' })
  })

  it('says why a stored plan is stale: lineage, serial, configuration', () => {
    const meta = { ...metaFor('a/b/c/d', new Date(), 1), planSha256: '' }
    const same = { serial: 3, lineage: 'l-1', configHash: meta.configHash }
    expect(staleReason(meta, same)).toBeUndefined()
    expect(staleReason(meta, { ...same, serial: 4 })).toBe("the state's serial is 4, the plan was made on serial 3 (another apply since review)")
    expect(staleReason(meta, { ...same, lineage: '' })).toBe("the state's lineage is (no state), the plan was made on l-1")
    expect(staleReason(meta, { ...same, configHash: 'other' })).toBe('the configuration or variable files differ from the reviewed ones')
    expect(staleReason(meta, { ...same, stateKey: 'a/b/c/e/terraform.tfstate' })).toBe('the state key moved from a/b/c/d/terraform.tfstate to a/b/c/e/terraform.tfstate since review')
    expect(staleReason(meta, { ...same, stateKey: meta.stateKey })).toBeUndefined()
  })
})

describe('the configuration hash', () => {
  const tmp = tempDir({
    'root/main.tf': 'module "m" {\n  source = "../modules/m"\n}\n',
    'root/terraform.tfvars': 'x = 1\n',
    'root/README.md': 'not configuration',
    'modules/m/main.tf': 'variable "x" {}\n',
    'modules/unused/main.tf': 'variable "y" {}\n',
    'vars/app.tfvars': 'x = 2\n',
    'data/modules/modules.json': JSON.stringify({ Modules: [{ Key: '', Dir: '.' }, { Key: 'm', Dir: '../modules/m' }] })
  })
  afterAll(() => tmp.cleanup())
  const hash = (): Promise<string> => configHash({ workingDir: tmp.dir, rootDir: join(tmp.dir, 'root'), dataDir: join(tmp.dir, 'data'), varFile: 'vars/app.tfvars' })

  it('changes with the root module, the modules it calls, auto-loaded and deployment variables, and nothing else', async () => {
    const first = await hash()
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    tmp.write('root/README.md', 'edited')
    tmp.write('modules/unused/main.tf', 'variable "z" {}\n')
    expect(await hash()).toBe(first)
    const seen = new Set([first])
    for (const [file, text] of [
      ['modules/m/main.tf', 'variable "x" { default = 1 }\n'],
      ['root/terraform.tfvars', 'x = 3\n'],
      ['vars/app.tfvars', 'x = 4\n'],
      ['root/.terraform.lock.hcl', '# providers\n'],
      ['root/extra.tf', 'locals {}\n']
    ] as const) {
      tmp.write(file, text)
      const next = await hash()
      expect(seen.has(next)).toBe(false)
      seen.add(next)
    }
  })
})
