import { readEnvironment } from '../../src/app/environment.js'

describe('the environment, read once', () => {
  it('turns colours off off a terminal, on GitHub Actions and with NO_COLOR', () => {
    expect(readEnvironment({}, true).noColor).toBe(false)
    expect(readEnvironment({}, false).noColor).toBe(true)
    expect(readEnvironment({ GITHUB_ACTIONS: 'true' }, true).noColor).toBe(true)
    expect(readEnvironment({ NO_COLOR: '1' }, true).noColor).toBe(true)
    // no-color.org: an empty NO_COLOR does not count.
    expect(readEnvironment({ NO_COLOR: '' }, true).noColor).toBe(false)
  })

  it('names the OPA binary, the plugin cache, the runner settings', () => {
    const env = readEnvironment(
      { TF_ORCHESTRATOR_OPA: '/opt/opa', TF_PLUGIN_CACHE_DIR: '/cache', HOME: '/home/u', RUNNER_DEBUG: '1', GITHUB_WORKSPACE: '/repo', GITHUB_BASE_REF: 'main' },
      false
    )
    expect(env).toMatchObject({ opaBinary: '/opt/opa', pluginCacheDir: '/cache', home: '/home/u', runnerDebug: true, githubWorkspace: '/repo', githubBaseRef: 'main' })
    expect(readEnvironment({}, false)).toMatchObject({ opaBinary: 'opa', pluginCacheDir: undefined, runnerDebug: false, githubActions: false })
    // Only the named workflow variables are handed on to the GitHub readers.
    const workflow = readEnvironment({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '7', GITHUB_TOKEN: 'secret' }, false).workflow
    expect(workflow).toMatchObject({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '7' })
    expect(workflow).not.toHaveProperty('GITHUB_TOKEN')
  })

  it('gives the children our environment minus a TF_DATA_DIR and a CLI config file that does not exist', () => {
    const env = readEnvironment({ PATH: '/bin', TF_DATA_DIR: '/shared', TF_CLI_CONFIG_FILE: '/nowhere/.tofurc', SECRET: 's' }, false)
    expect(env.childEnv).toEqual({ PATH: '/bin', SECRET: 's' })
    expect(readEnvironment({ TF_CLI_CONFIG_FILE: '/dev/null' }, false).childEnv).toEqual({ TF_CLI_CONFIG_FILE: '/dev/null' })
  })
})
