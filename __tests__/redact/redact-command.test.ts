import { Command, CommanderError } from 'commander'
import { Readable } from 'node:stream'
import { redactCommand } from '../../src/cli/redact-command.js'
import { tempDir } from '../helpers/temp-dir.js'

/** Runs `tf-orchestrator redact ...args` with `stdin` as its input, the way main.ts wires commands. */
async function run(stdin: string | Buffer[], ...args: string[]): Promise<{ out: string; err: string; error?: unknown }> {
  let out = ''
  let err = ''
  const output = { out: (t: string) => void (out += t.endsWith('\n') ? t : `${t}\n`), err: (t: string) => void (err += t) }
  const program = new Command('tf-orchestrator').exitOverride().configureOutput({ writeOut: output.out, writeErr: output.err })
  program.addCommand(redactCommand(output, () => Readable.from(typeof stdin === 'string' ? [stdin] : stdin))
      .exitOverride()
      .configureOutput({ writeOut: output.out, writeErr: output.err })
  )
  try {
    await program.parseAsync(['redact', ...args], { from: 'user' })
    return { out, err }
  } catch (error) {
    return { out, err, error }
  }
}

describe('redact command', () => {
  it('writes stdin to stdout with secrets and identifiers replaced', async () => {
    const { out, error } = await run(
      'Error: User: arn:aws:sts::747669203477:assumed-role/deploy/gha-42 is not authorized\nDB_PASSWORD=kinvky573$*UqDkg\nPlan: 1 to add, 0 to change, 0 to destroy.\n'
    )
    expect(error).toBeUndefined()
    expect(out).toBe('Error: User: arn:aws:sts::***:assumed-role/deploy/*** is not authorized\nDB_PASSWORD=***\nPlan: 1 to add, 0 to change, 0 to destroy.\n')
  })

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = Buffer.from('│ token: Abc123xyz ✓\n')
    const { out } = await run([bytes.subarray(0, 2), bytes.subarray(2, 19), bytes.subarray(19)])
    expect(out).toBe('│ token: *** ✓\n')
  })

  it('with --plan-json, also removes the values the plan marks sensitive', async () => {
    const plan = {
      resource_changes: [{ change: { after: { value: 'hook-Kp3Wd8Qz', name: 'hooks' }, after_sensitive: { value: true } } }]
    }
    const tmp = tempDir({ 'plan.json': JSON.stringify(plan) })
    try {
      const text = '  + value = "hook-Kp3Wd8Qz"\n  + name  = "hooks"\n'
      expect((await run(text)).out).toBe(text)
      expect((await run(text, '--plan-json', `${tmp.dir}/plan.json`)).out).toBe('  + value = "***"\n  + name  = "hooks"\n')
    } finally {
      tmp.cleanup()
    }
  })

  it('fails with the file named when the plan JSON cannot be read', async () => {
    const tmp = tempDir({ 'bad.json': '{ not json' })
    try {
      const bad = await run('x', '--plan-json', `${tmp.dir}/bad.json`)
      expect(String(bad.error)).toMatch(/--plan-json .*bad\.json: .*JSON/)
      expect(String((await run('x', '--plan-json', `${tmp.dir}/missing.json`)).error)).toMatch(/--plan-json .*missing\.json: ENOENT/)
    } finally {
      tmp.cleanup()
    }
  })

  it('prints nothing for empty input and rejects unknown options', async () => {
    expect((await run('')).out).toBe('')
    const bogus = await run('x', '--bogus')
    expect(bogus.error).toBeInstanceOf(CommanderError)
    expect(bogus.err).toContain("unknown option '--bogus'")
  })
})
