#!/usr/bin/env node
// How close any schedule can come to max(critical path, work / workers) on the
// skewed DAG of bench/fleet.mjs (one 20 s job, one 6 s job, 38 of 2 s), when
// every deployment also costs `x` seconds of its own (init, plan, apply's start).
// Dependencies are ignored, which can only help a schedule: the worker that runs
// the 20 s job takes k small jobs, the 6 s job goes to it or to another worker, and
// the other small jobs are split over the rest. The best split over every k is the
// best makespan any scheduler could reach; it is printed against the bound.
//   node bench/skewed-packing.mjs [workers=4]
import { pathToFileURL } from 'node:url'

/** Best makespan of packing the skewed jobs (each + x) onto `workers`, and the bound it is judged against. */
export function skewedPacking(x, workers = 4) {
  const [long, medium, small, count] = [20 + x, 6 + x, 2 + x, 38]
  const total = long + medium + count * small
  // The critical path (a02 -> b02 -> c02 -> d02) is shorter than work / workers here.
  const bound = Math.max(long, 2 * small + medium + small, total / workers)
  let best = Infinity
  // Small jobs per worker: the long job's worker takes k; the others share the rest as evenly as whole jobs allow.
  const spread = (jobs, n, extra) => {
    // `extra` (the 6 s job) sits on the least loaded of the n workers: that one takes fewer small jobs.
    let bestSpread = Infinity
    for (let m = 0; m <= jobs; m++) {
      const rest = jobs - m
      const others = n - 1 > 0 ? Math.ceil(rest / (n - 1)) * small : rest > 0 ? Infinity : 0
      bestSpread = Math.min(bestSpread, Math.max(extra + m * small, others))
    }
    return bestSpread
  }
  for (let k = 0; k <= count; k++) {
    best = Math.min(best, Math.max(long + k * small, spread(count - k, workers - 1, medium)))
    best = Math.min(best, Math.max(long + medium + k * small, spread(count - k, workers - 1, 0)))
  }
  return { bound, best }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const workers = Number(process.argv[2] ?? 4)
  console.log(`Skewed DAG, ${workers} workers: the best any schedule can do against max(critical path, work / workers)`)
  for (const x of [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.285, 0.3, 0.35, 0.4]) {
    const { bound, best } = skewedPacking(x, workers)
    console.log(`  per-deployment overhead ${x.toFixed(3)} s: bound ${bound.toFixed(2)} s, best schedule ${best.toFixed(2)} s (+${((best / bound - 1) * 100).toFixed(1)}%)`)
  }
}
