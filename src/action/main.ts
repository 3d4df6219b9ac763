import * as core from '@actions/core'

/** The action's entry point; everything below throws, only this reports failure. */
export async function run(): Promise<void> {
  try {
    core.info('tf-orchestrator')
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
