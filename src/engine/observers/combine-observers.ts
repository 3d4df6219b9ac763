import type { RunObserver } from '../run-observer.js'

type Method = Exclude<keyof RunObserver, 'name'>

/**
 * Several observers as one: each event goes to every observer in order. An
 * observer that throws is reported through `onError` and the others (and the
 * run) go on: a broken output never loses a run's result.
 */
export function combineObservers(observers: readonly RunObserver[], onError: (observer: string, error: unknown) => void): Required<RunObserver> {
  // Synchronous observers (progress lines) cost no promise: only an observer that returns one is waited for, then the rest follow.
  const each = (method: Method, args: unknown[], from = 0): void | Promise<void> => {
    for (let i = from; i < observers.length; i++) {
      const o = observers[i] as RunObserver
      const fn = o[method] as ((...a: unknown[]) => unknown) | undefined
      if (!fn) continue
      let returned: unknown
      try {
        returned = fn.apply(o, args)
      } catch (error) {
        onError(o.name, error)
        continue
      }
      if (typeof (returned as PromiseLike<unknown> | undefined)?.then === 'function') {
        return Promise.resolve(returned).then(
          () => each(method, args, i + 1),
          (error: unknown) => {
            onError(o.name, error)
            return each(method, args, i + 1)
          }
        )
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
