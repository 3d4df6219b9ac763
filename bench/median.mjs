/** The middle value (the upper middle of an even count): what the benchmarks compare across rounds on a drifting machine. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/**
 * Runs `first` then `second`, `rounds` times over, and returns what each gave, in round order.
 * Alternated, so that the machine's drift (minutes long) hits both sides of a comparison alike.
 */
export function alternatedRounds(rounds, first, second) {
  const firsts = []
  const seconds = []
  for (let round = 0; round < rounds; round++) {
    firsts.push(first())
    seconds.push(second())
  }
  return [firsts, seconds]
}
