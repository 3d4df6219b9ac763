import { Command, InvalidArgumentError } from 'commander'
import { computeFleetReport } from '../audit/fleet-report.js'
import { readHistory } from '../audit/io/read-history.js'
import { renderReportJson, renderReportMarkdown } from '../audit/render-report.js'
import { parseSince } from '../audit/report-window.js'
import type { ObjectStore } from '../state/object-store.js'
import type { Output } from './output.js'

interface ReportFlags {
  since: number
  json?: boolean
  workingDir: string
  config?: string
}

/** Opens the orchestrator's object store (S3 or local folder) for a working directory and configuration. */
export type StoreFor = (where: { workingDir: string; config?: string }) => Promise<ObjectStore>

const since = (text: string): number => {
  try {
    return parseSince(text)
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error))
  }
}

/** `report --since 30d [--json]`: success rates, MTTR, most failing, phase percentiles and slowest deployments from the audit index. */
export function reportCommand(output: Output, storeFor: StoreFor, now: () => Date = () => new Date()): Command {
  return new Command('report')
    .description('fleet report from the audit records: success rates (24h/7d/30d), mean time to recovery, most failing and slowest deployments, phase p50/p95')
    .option('--since <duration>', 'how far back: a whole number of hours or days (24h, 7d, 30d, 90d)', since, parseSince('30d'))
    .option('--json', 'print the report as one JSON document')
    .option('-w, --working-dir <dir>', 'directory holding .tf-orchestrator.yml (where the store is configured)', '.')
    .option('-c, --config <file>', 'configuration file')
    .action(async (flags: ReportFlags) => {
      const store = await storeFor({ workingDir: flags.workingDir, config: flags.config })
      const at = now()
      const history = await readHistory(store, at, flags.since, { warn: (message) => output.err(`warning: ${message}`) })
      const report = computeFleetReport(history.entries, at, flags.since)
      output.out(flags.json ? renderReportJson(report) : renderReportMarkdown(report))
    })
}
