/** Links that later outputs of one run point to (filled as the run's outputs are made). */
export interface RunLinks {
  /** The workflow run page where the job summary shows. */
  jobSummary?: string
  /** The uploaded artifact with the full redacted output. */
  artifact?: string
}
