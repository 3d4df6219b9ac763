import type { Deployment } from '../model/deployment.js'
import type { PolicyVerdict } from '../policy/verdict.js'

/** The policy verdict for one plan, as the engine needs it. */
export interface GateVerdict {
  /** false: apply is refused and the deployment is blocked. */
  allowed: boolean
  /** Everything worth reporting (denies, warnings, waivers used, errors). */
  details: PolicyVerdict
  /** One line for the progress output. */
  summary: string
}

/** Evaluates a saved plan's JSON; provided by the policy feature. */
export type PolicyGate = (deployment: Deployment, planJson: unknown) => Promise<GateVerdict>
