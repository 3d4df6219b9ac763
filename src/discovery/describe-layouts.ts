import type { LayoutConfig } from '../config/schema.js'
import { printablePath } from '../model/names.js'

/** What discovery looked for, in words, for the "no deployments found" message. */
export function describeLayouts(layouts: readonly LayoutConfig[], detected: boolean): string {
  const roots = (list: readonly string[]): string => list.map((r) => printablePath(r)).join(', ')
  const parts = layouts.map((layout) =>
    layout.type === 'tfvars'
      ? `*.tfvars / *.tfvars.json files below ${roots(layout.roots)} (tfvars layout, root module ${printablePath(layout.root_module)})`
      : `folders holding *.tf / *.tf.json files below ${roots(layout.roots)} (stacks layout: <region>/<service>/)`
  )
  const how = detected ? '; layout detected: .tf files directly in the working directory mean tfvars, otherwise stacks' : ''
  return `${parts.join(' and ')}${how}`
}
