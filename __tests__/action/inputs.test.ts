import { readInputs } from '../../src/action/inputs.js'

/** Sets INPUT_* variables the way the runner does for the duration of `fn`. */
function withInputs<T>(inputs: Record<string, string>, fn: () => T): T {
  const keys = Object.keys(inputs).map((k) => `INPUT_${k.replace(/ /g, '_').toUpperCase()}`)
  Object.entries(inputs).forEach(([k, v], i) => (process.env[keys[i] as string] = v))
  try {
    return fn()
  } finally {
    keys.forEach((k) => delete process.env[k])
  }
}

describe('action inputs', () => {
  it('reads and types every input', () => {
    const inputs = withInputs({ command: 'apply', 'working-directory': 'infra', all: 'true', parallel: 'false', 'max-workers': '3', binary: 'terraform' }, () =>
      readInputs({})
    )
    expect(inputs).toMatchObject({ command: 'apply', workingDirectory: 'infra', all: true, parallel: false, maxWorkers: 3, binary: 'terraform', dryRun: false })
  })

  it('defaults to plan and to the pull request base branch', () => {
    const inputs = withInputs({}, () => readInputs({ GITHUB_BASE_REF: 'main' }))
    expect(inputs).toMatchObject({ command: 'plan', workingDirectory: '.', baseRef: 'origin/main', all: false })
  })

  it('names the input that is wrong', () => {
    expect(() => withInputs({ 'max-workers': 'many' }, () => readInputs({}))).toThrow('input max-workers: must be a whole number from 1 to 64, got "many"')
    expect(() => withInputs({ command: 'destroy' }, () => readInputs({}))).toThrow(/^input command: must be one of list, graph, plan, apply/)
    expect(() => withInputs({ binary: 'pulumi' }, () => readInputs({}))).toThrow('input binary: must be tofu or terraform, got "pulumi"')
  })
})
