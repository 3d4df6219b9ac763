import { idPattern } from '../model/id-pattern.js'

/** One policy finding, normalised from a `deny` or `warn` rule (conftest conventions). */
export interface PolicyFinding {
  id?: string
  msg: string
  severity?: string
  resource?: string
  remediation?: string
}

export interface Waiver {
  rule: string
  /** A deployment id or a `*` glob over ids. */
  deployment: string
  reason: string
  /** YYYY-MM-DD, inclusive. */
  expires: string
}

export type PolicyMode = 'enforce' | 'warn' | 'off'

export interface PolicyVerdict {
  allowed: boolean
  mode: PolicyMode
  /** Findings that block (enforce) or would block (warn mode). */
  denies: PolicyFinding[]
  warnings: PolicyFinding[]
  /** Denies let through by a waiver, with the waiver. */
  waived: { finding: PolicyFinding; waiver: Waiver }[]
  /** Waivers that matched a finding but have expired: they no longer apply. */
  expiredWaivers: Waiver[]
  /** Evaluation problems (OPA missing, compile error, timeout): fail closed. */
  errors: string[]
}

/** Normalises a raw rule result: a string message or an object with `msg`. */
export function toFinding(raw: unknown): PolicyFinding {
  if (typeof raw === 'string') return { msg: raw }
  if (raw && typeof raw === 'object') {
    const r = raw as Record<string, unknown>
    const str = (k: string): string | undefined => (typeof r[k] === 'string' ? (r[k] as string) : undefined)
    return { id: str('id'), msg: str('msg') ?? JSON.stringify(raw), severity: str('severity'), resource: str('resource'), remediation: str('remediation') }
  }
  return { msg: JSON.stringify(raw) }
}

/** Whether `id` matches a waiver's deployment pattern (see idPattern). */
export function matchesDeployment(pattern: string, id: string): boolean {
  return idPattern(pattern).test(id)
}

/**
 * Decides one deployment's verdict (pure). Deny findings block in enforce mode
 * unless a current waiver names their rule id and the deployment; an expired
 * waiver stops working and is reported; any evaluation error blocks (fail closed).
 */
export function decideVerdict(input: {
  deploymentId: string
  mode: PolicyMode
  deny: readonly unknown[]
  warn: readonly unknown[]
  waivers: readonly Waiver[]
  errors?: readonly string[]
  /** YYYY-MM-DD */
  today: string
}): PolicyVerdict {
  const denies: PolicyFinding[] = []
  const waived: PolicyVerdict['waived'] = []
  const expired = new Set<Waiver>()
  for (const finding of input.deny.map(toFinding).sort(byIdThenMsg)) {
    const candidates = input.waivers.filter((w) => finding.id !== undefined && w.rule === finding.id && matchesDeployment(w.deployment, input.deploymentId))
    const current = candidates.find((w) => w.expires >= input.today)
    if (current) waived.push({ finding, waiver: current })
    else {
      candidates.forEach((w) => expired.add(w))
      denies.push(finding)
    }
  }
  const errors = [...(input.errors ?? [])]
  const blocking = denies.length > 0 || errors.length > 0
  return {
    allowed: input.mode !== 'enforce' || !blocking,
    mode: input.mode,
    denies,
    warnings: input.warn.map(toFinding).sort(byIdThenMsg),
    waived,
    expiredWaivers: [...expired],
    errors
  }
}

function byIdThenMsg(a: PolicyFinding, b: PolicyFinding): number {
  return (a.id ?? '').localeCompare(b.id ?? '') || a.msg.localeCompare(b.msg)
}

/** One line for progress output and the error column. */
export function verdictSummary(v: PolicyVerdict): string {
  if (v.errors.length > 0) return `policy evaluation failed (fail closed): ${v.errors[0]}`
  const parts: string[] = []
  if (v.denies.length) parts.push(`${v.denies.length} denied${v.mode === 'warn' ? ' (warn mode)' : ''}: ${v.denies.map((d) => d.id ?? d.msg).join(', ')}`)
  if (v.warnings.length) parts.push(`${v.warnings.length} warning${v.warnings.length === 1 ? '' : 's'}`)
  if (v.waived.length) parts.push(`${v.waived.length} waived: ${v.waived.map((w) => w.finding.id).join(', ')}`)
  if (v.expiredWaivers.length) parts.push(`expired waiver${v.expiredWaivers.length === 1 ? '' : 's'}: ${v.expiredWaivers.map((w) => `${w.rule} (expired ${w.expires})`).join(', ')}`)
  const head = v.allowed ? 'policy passed' : 'blocked by policy'
  return parts.length ? `${head}: ${parts.join('; ')}` : head
}
