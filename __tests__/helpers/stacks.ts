import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RunSummary } from '../../src/model/run-result.js'

/** A stack root module of terraform_data resources; `command` runs as a local-exec provisioner. */
export function stackModule(options: { command?: string; resources?: number } = {}): string {
  const parts = ['terraform {\n  backend "local" {}\n}\n']
  const count = options.resources ?? 1
  parts.push(`resource "terraform_data" "item" {\n  count = ${count}\n  input = "item-\${count.index}"\n}\n`)
  if (options.command) {
    parts.push(
      `resource "terraform_data" "step" {\n  provisioner "local-exec" {\n    command     = ${JSON.stringify(options.command)}\n    interpreter = ["/bin/sh", "-c"]\n  }\n}\n`
    )
  }
  return parts.join('\n')
}

/** The summary.json of the only (or newest) run under a working directory. */
export function lastSummary(workingDir: string): RunSummary {
  const runs = join(workingDir, '.tf-orchestrator', 'runs')
  const newest = readdirSync(runs).sort().pop() as string
  return JSON.parse(readFileSync(join(runs, newest, 'summary.json'), 'utf8')) as RunSummary
}

/** Command lines of live processes containing `needle` (from /proc). */
export function processesMatching(needle: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim()
      const state = readFileSync(`/proc/${entry}/stat`, 'utf8')
      if (cmdline.includes(needle) && !/\) Z /.test(state)) found.push(`${entry}: ${cmdline}`)
    } catch {
      // exited meanwhile
    }
  }
  return found
}
