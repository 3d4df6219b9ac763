import * as core from '@actions/core'
import type { Annotation } from '../github/annotation.js'
import type { Redact } from '../redact/redactor.js'
import { stripAnsi } from '../render/strip-ansi.js'

/** The action's own log: every line, group, warning and annotation passes the run's one redaction function. */
export interface ActionLog {
  info(text: string): void
  warning(text: string, where?: core.AnnotationProperties): void
  error(text: string, where?: core.AnnotationProperties): void
  /** One collapsible block, printed at once so no other line lands inside it. */
  group(title: string, body: string): void
  annotate(a: Annotation): void
}

/** The runner's log through `redact` (runner logs are not a terminal: no colours either). */
export function actionLog(redact: Redact): ActionLog {
  const clean = (text: string): string => redact(stripAnsi(text))
  return {
    info: (text) => core.info(clean(text)),
    warning: (text, where = {}) => core.warning(clean(text), where),
    error: (text, where = {}) => core.error(clean(text), where),
    group: (title, body) => {
      core.startGroup(clean(title))
      core.info(clean(body))
      core.endGroup()
    },
    annotate: (a) => core.error(clean(a.message), { title: clean(a.title), ...(a.file ? { file: a.file } : {}), ...(a.startLine ? { startLine: a.startLine } : {}) })
  }
}
