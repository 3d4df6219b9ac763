// What the skewed-DAG figures are judged against, from the durations one run
// measured: the lower bound max(critical path, work / workers), and the
// makespan list scheduling by critical path (the orchestrator's policy)
// reaches with those durations and no time lost between deployments.
// The second says how much of the distance to the bound is the scheduler's
// own (gaps, late starts) and how much the tasks' sizes leave to anyone.

/** Longest path from each task to the end, weighting tasks by their durations. */
function pathLengths(durations, deps) {
  const dependents = {}
  for (const [id, needs] of Object.entries(deps)) for (const n of needs) (dependents[n] ??= []).push(id)
  const memo = new Map()
  const path = (id) => {
    if (!memo.has(id)) memo.set(id, durations[id] + Math.max(0, ...(dependents[id] ?? []).map(path)))
    return memo.get(id)
  }
  for (const id of Object.keys(durations)) path(id)
  return { lengths: memo, dependents }
}

/** max(critical path, total work / workers): no schedule can finish sooner. */
export function lowerBound(durations, deps, workers) {
  const { lengths } = pathLengths(durations, deps)
  const critical = Math.max(...lengths.values())
  const total = Object.values(durations).reduce((a, b) => a + b, 0)
  return { critical, total, bound: Math.max(critical, total / workers) }
}

/** Makespan of list scheduling by longest remaining path (ties by id) with `durations` and no gaps. */
export function listSchedule(durations, deps, workers) {
  const { lengths, dependents } = pathLengths(durations, deps)
  const waiting = Object.fromEntries(Object.keys(durations).map((id) => [id, (deps[id] ?? []).length]))
  const ready = Object.keys(durations).filter((id) => waiting[id] === 0)
  const running = [] // [end, id]
  let now = 0
  while (ready.length > 0 || running.length > 0) {
    ready.sort((a, b) => lengths.get(b) - lengths.get(a) || (a < b ? -1 : 1))
    while (running.length < workers && ready.length > 0) {
      const id = ready.shift()
      running.push([now + durations[id], id])
    }
    running.sort((a, b) => a[0] - b[0])
    const [end, id] = running.shift()
    now = end
    for (const next of dependents[id] ?? []) if (--waiting[next] === 0) ready.push(next)
  }
  return now
}
