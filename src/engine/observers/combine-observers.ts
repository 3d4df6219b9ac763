import type { RunObserver } from '../run-observer.js'

type Method = Exclude<keyof RunObserver, 'name'>

/**
 * Several observers as one: each event goes to every observer in order. An
 * observer that throws is reported through `onError` and the others (and the
 * run) go on: a broken output never loses a run's result.
 */
export function combineObservers(observers: readonly RunObserver[], onError: (observer: string, error: unknown) => void): Required<RunObserver> {
  const each = async (method: Method, args: unknown[]): Promise<void> => {
    for (const o of observers) {
      const fn = o[method] as ((...a: unknown[]) => unknown) | undefined
      if (!fn) continue
      try {
        await fn.apply(o, args)
      } catch (error) {
        onError(o.name, error)
      }
    }
  }
  return {
    name: observers.map((o) => o.name).join('+'),
    runStarted: (run) => each('runStarted', [run]),
    deploymentStarted: (d, workerId) => each('deploymentStarted', [d, workerId]),
    phaseFinished: (phase, result) => each('phaseFinished', [phase, result]),
    // Streamed lines stay synchronous: they arrive while a command runs.
    outputLine: (id, line) => {
      for (const o of observers) {
        try {
          o.outputLine?.(id, line)
        } catch (error) {
          onError(o.name, error)
        }
      }
    },
    deploymentFinished: (result) => each('deploymentFinished', [result]),
    runFinished: (summary) => each('runFinished', [summary])
  }
}
