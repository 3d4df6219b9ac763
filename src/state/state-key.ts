import { nameProblem } from '../model/names.js'

export interface StateKeyParts {
  services: string[]
  account: string
  region: string
  project: string
}

const PLACEHOLDER = /\{([a-z_]+)\}/g
export const STATE_KEY_PLACEHOLDERS = ['service', 'account', 'region', 'project'] as const

/**
 * Renders the backend key template. `{service}` is the single service, or
 * `combinedName` when the deployment manages several. Every part was validated
 * as a name, so the key cannot climb out of its prefix.
 */
export function renderStateKey(template: string, parts: StateKeyParts, combinedName: string): string {
  const service = parts.services.length === 1 ? (parts.services[0] as string) : combinedName
  const values: Record<string, string> = { service, account: parts.account, region: parts.region, project: parts.project }
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole)
}

/** Returns why a backend key template is unusable, or undefined. */
export function stateKeyTemplateProblem(template: string): string | undefined {
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] as string
    if (!(STATE_KEY_PLACEHOLDERS as readonly string[]).includes(name)) {
      return `unknown placeholder {${name}} (use ${STATE_KEY_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`
    }
  }
  if (template.startsWith('/')) return 'it must be relative (no leading "/")'
  const segments = template.split('/')
  for (const segment of segments) {
    const literal = segment.replace(PLACEHOLDER, 'x')
    const problem = nameProblem(literal)
    if (problem) return `segment ${JSON.stringify(segment)}: ${problem}`
  }
  if (!template.includes('{project}') || !template.includes('{account}') || !template.includes('{region}')) {
    return 'it must contain {account}, {region} and {project} so that deployments get distinct keys'
  }
  return undefined
}

/**
 * The deployment id: the state key without `/terraform.tfstate` (or the
 * `.tfstate` extension), e.g. `s3/acme-dev/us-east-1/payments`.
 */
export function deploymentIdFromKey(stateKey: string): string {
  // Two suffix checks, not regular expressions: it runs once per deployment of a fleet.
  const key = stateKey.endsWith('/terraform.tfstate') ? stateKey.slice(0, -'/terraform.tfstate'.length) : stateKey
  return key.endsWith('.tfstate') ? key.slice(0, -'.tfstate'.length) : key
}
