/** The middle value (the upper middle of an even count): what the benchmarks compare across rounds on a drifting machine. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
