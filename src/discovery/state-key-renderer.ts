import { renderStateKey } from '../state/state-key.js'

// Stand-ins no valid template holds (control characters are not allowed in a key): rendered once, they show where each part goes.
const MARKS = { service: '\u0001', account: '\u0002', region: '\u0003', project: '\u0004' } as const
const SLOT = /[\u0001-\u0004]/

/** renderStateKey's parts as arguments: no object per deployment. */
export type StateKeyRender = (services: string[], account: string, region: string, project: string) => string

/**
 * renderStateKey for one template and many deployments: the template is read
 * once (by renderStateKey itself, so both agree on every template) and each
 * key is then one join. A template that holds one of the marks is rendered
 * the slow way.
 */
export function stateKeyRenderer(template: string, combinedName: string): StateKeyRender {
  if (SLOT.test(template) || SLOT.test(combinedName)) return (services, account, region, project) => renderStateKey(template, { services, account, region, project }, combinedName)
  const marked = renderStateKey(template, { services: [MARKS.service], account: MARKS.account, region: MARKS.region, project: MARKS.project }, combinedName)
  // Literal text and slots alternate: text, slot, text, ..., text.
  const texts: string[] = []
  const slots: (keyof typeof MARKS)[] = []
  let start = 0
  for (let i = 0; i < marked.length; i++) {
    const c = marked.charCodeAt(i)
    if (c < 1 || c > 4) continue
    texts.push(marked.slice(start, i))
    slots.push((['service', 'account', 'region', 'project'] as const)[c - 1] as keyof typeof MARKS)
    start = i + 1
  }
  texts.push(marked.slice(start))
  // The key is joined from one array, filled in place for each deployment: one flat string, no pieces.
  const pieces: string[] = []
  for (const text of texts) pieces.push(text, '')
  pieces.pop()
  return (services, account, region, project) => {
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]
      pieces[2 * i + 1] =
        slot === 'service' ? (services.length === 1 ? (services[0] as string) : combinedName) : slot === 'account' ? account : slot === 'region' ? region : project
    }
    return pieces.join('')
  }
}
