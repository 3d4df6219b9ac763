import { Command } from 'commander'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { createRedactor } from '../redact/redactor.js'
import { sensitiveValuesFromPlan } from '../redact/sensitive-values.js'
import type { Output } from './output.js'

interface RedactFlags {
  planJson?: string
}

/** Where `redact` reads its text from; tests pass their own stream. */
export type InputSource = () => AsyncIterable<string | Uint8Array>

async function readAll(input: AsyncIterable<string | Uint8Array>): Promise<string> {
  const decoder = new TextDecoder()
  let text = ''
  for await (const chunk of input) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
  return text + decoder.decode()
}

/** `redact [--plan-json <file>]`: stdin to stdout with secrets, identifiers and the plan's sensitive values removed. */
export function redactCommand(output: Output, input: InputSource = () => process.stdin): Command {
  return new Command('redact')
    .description('copy stdin to stdout with secrets, account ids, addresses and emails replaced by ***, as everything sent to GitHub is')
    .option('--plan-json <file>', 'plan JSON (tofu show -json) whose sensitive values are redacted too')
    .action(async (flags: RedactFlags) => {
      let sensitiveValues: string[] = []
      if (flags.planJson !== undefined) {
        const path = resolve(flags.planJson)
        let plan: unknown
        try {
          plan = JSON.parse(await readFile(path, 'utf8'))
        } catch (error) {
          // fs errors need not be instanceof Error here (another realm under test runners): read .message.
          const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error)
          throw new Error(`--plan-json ${flags.planJson}: ${message}`)
        }
        sensitiveValues = sensitiveValuesFromPlan(plan)
      }
      const text = await readAll(input())
      // Output.out ends what it writes with a newline; an empty input prints nothing at all.
      if (text !== '') output.out(createRedactor({ sensitiveValues })(text))
    })
}
