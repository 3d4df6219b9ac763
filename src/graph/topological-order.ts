/** The nodes of `succ` with every node after what it waits for, or undefined when there is a cycle. */
export function topologicalOrder(succ: readonly (readonly number[])[]): Int32Array | undefined {
  // Kahn's algorithm; who waits for each node is kept in one flat array (one slice per node), not in an array per node.
  const count = succ.length
  const remaining = new Int32Array(count)
  const start = new Int32Array(count + 1)
  for (let i = 0; i < count; i++) {
    const deps = succ[i] as readonly number[]
    remaining[i] = deps.length
    for (let k = 0; k < deps.length; k++) {
      const dep = deps[k] as number
      start[dep + 1] = (start[dep + 1] as number) + 1
    }
  }
  for (let i = 0; i < count; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number)
  const filled = start.slice(0, count)
  const dependents = new Int32Array(start[count] as number)
  for (let i = 0; i < count; i++) {
    const deps = succ[i] as readonly number[]
    for (let k = 0; k < deps.length; k++) {
      const dep = deps[k] as number
      dependents[filled[dep] as number] = i
      filled[dep] = (filled[dep] as number) + 1
    }
  }
  const order = new Int32Array(count)
  let placed = 0
  for (let i = 0; i < count; i++) if (remaining[i] === 0) order[placed++] = i
  for (let k = 0; k < placed; k++) {
    const node = order[k] as number
    for (let j = start[node] as number; j < (start[node + 1] as number); j++) {
      const dependent = dependents[j] as number
      const left = (remaining[dependent] as number) - 1
      remaining[dependent] = left
      if (left === 0) order[placed++] = dependent
    }
  }
  return placed === count ? order : undefined
}
