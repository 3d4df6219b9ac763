import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { SPAWNER_SCRIPT } from '../../src/terraform/io/spawner-script.js'
import { openSpawner, SPAWNER_VARIABLE } from '../../src/terraform/io/spawner.js'
import { processesMatching } from '../helpers/stacks.js'

describe('the spawner', () => {
  it('is not used when TF_ORCHESTRATOR_SPAWNER=direct, or where Perl cannot be found', async () => {
    expect(await openSpawner({ ...process.env, [SPAWNER_VARIABLE]: 'direct' })).toBeUndefined()
    expect(await openSpawner({ PATH: '/nonexistent' })).toBeUndefined()
  })

  it('interrupts the commands still running when the run\'s process is gone (its stdin ends), then exits', async () => {
    const helper = spawn('perl', ['-e', SPAWNER_SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] })
    const exited = new Promise((resolve) => helper.once('exit', resolve))
    const lines = createInterface({ input: helper.stdout })[Symbol.asyncIterator]()
    const next = async (): Promise<string> => String((await lines.next()).value)
    expect(await next()).toBe('R')
    const request = ['7', process.cwd(), '/dev/null', '/dev/null', 'w', '1', `PATH=${process.env.PATH}`, '2', 'sleep', '291']
    helper.stdin.write(`${request.join('\0')}\0`)
    expect(await next()).toMatch(/^S 7 \d+$/)
    expect(processesMatching('sleep 291')).toHaveLength(1)
    helper.stdin.end()
    // SIGINT is signal 2.
    expect(await next()).toBe('E 7 sig 2')
    expect(await exited).toBe(0)
    expect(processesMatching('sleep 291')).toEqual([])
  })
})
