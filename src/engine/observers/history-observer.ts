import { saveHistory, type DurationHistory } from '../duration-history.js'
import type { RunObserver } from '../run-observer.js'

/** Blends the run's durations into the history file (critical-path estimates of later runs). */
export function historyObserver(file: string, history: DurationHistory): RunObserver {
  return {
    name: 'duration-history',
    runFinished: (summary) => saveHistory(file, history, summary.deployments)
  }
}
