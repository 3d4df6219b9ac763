import * as core from '@actions/core'

/** The step's outputs (action.yml), set on every path so later steps can read them. */
export interface StepOutputs {
  count: number
  deployments: unknown[]
  removed: unknown[]
  graph: unknown
  hasChanges: boolean
  summaryFile: string
  /** Drift runs: the deployments whose plan found changes. */
  drifted: string[]
}

/** What a step that did nothing (yet) reports. */
export const EMPTY_OUTPUTS: StepOutputs = { count: 0, deployments: [], removed: [], graph: { levels: [], dependencies: {} }, hasChanges: false, summaryFile: '', drifted: [] }

/** Writes every output at once (a later call overwrites an earlier one). */
export function setOutputs(values: StepOutputs): void {
  core.setOutput('count', values.count)
  core.setOutput('deployments', JSON.stringify(values.deployments))
  core.setOutput('removed', JSON.stringify(values.removed))
  core.setOutput('graph', JSON.stringify(values.graph))
  core.setOutput('has-changes', values.hasChanges)
  core.setOutput('summary-file', values.summaryFile)
  core.setOutput('drift-detected', values.drifted.length > 0)
  core.setOutput('drifted', JSON.stringify(values.drifted))
}
