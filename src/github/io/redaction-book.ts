import { readFile } from 'node:fs/promises'
import { createRedactor, type Redact } from '../../redact/redactor.js'
import { sensitiveValuesFromPlan } from '../../redact/sensitive-values.js'

/**
 * The run's one redaction function for everything that leaves the runner for
 * GitHub. It learns the values each plan marks sensitive (plan.json) as
 * deployments finish, and hands every secret it learns to `onSecret`
 * (core.setSecret) so the runner masks it in its own log too.
 */
export class RedactionBook {
  private readonly values = new Set<string>()
  /** Plan files read (or being read): every output of a run asks for the same ones. */
  private readonly learned = new Map<string, Promise<void>>()
  private redactor: Redact

  constructor(private readonly onSecret: (value: string) => void = () => undefined) {
    this.redactor = createRedactor({ onSecretLearned: onSecret })
  }

  /** Learns the sensitive values of a saved plan's JSON file (missing or unreadable files teach nothing). */
  learnFromPlanFile(file: string | undefined): Promise<void> {
    if (!file) return Promise.resolve()
    const known = this.learned.get(file)
    if (known) return known
    const reading = this.learn(file)
    this.learned.set(file, reading)
    return reading
  }

  private async learn(file: string): Promise<void> {
    let json: unknown
    try {
      json = JSON.parse(await readFile(file, 'utf8'))
    } catch {
      return
    }
    const before = this.values.size
    for (const v of sensitiveValuesFromPlan(json)) this.values.add(v)
    if (this.values.size !== before) this.redactor = createRedactor({ sensitiveValues: [...this.values], onSecretLearned: this.onSecret })
  }

  /** The text with every known secret and pattern removed. */
  redact: Redact = (text) => this.redactor(text)
}
