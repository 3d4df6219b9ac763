#!/usr/bin/env node
// CPU per command start of each spawner (src/terraform/io/spawner-script*.ts)
// against `xargs -P`: N starts of a tool with K in flight, each with a
// deployment-sized environment, counting the spawner and every child it reaped.
//   node bench/spawner-starts.mjs [N=3000] [K=4] [tool=/bin/true]
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const [N = 3000, K = 4, tool = '/bin/true'] = process.argv.slice(2)
const source = (file) => /String\.raw`([\s\S]*?)`\s*$/.exec(readFileSync(join(import.meta.dirname, '..', 'src', 'terraform', 'io', file), 'utf8'))[1]
const SPAWNERS = {
  python: ['python3', '-I', '-S', '-c', source('spawner-script-python.ts')],
  perl: ['perl', '-e', source('spawner-script.ts')]
}
const env = Object.entries(process.env).map(([k, v]) => `${k}=${v}`)
for (let i = 0; i < 30; i++) env.push(`TF_VAR_x${i}=${'v'.repeat(40)}`)

/** utime + stime of a process and of the children it reaped, in ms (USER_HZ 100). */
const cpuOf = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10
}

async function throughSpawner([program, ...args]) {
  const helper = spawn(program, args, { stdio: ['pipe', 'pipe', 'inherit'] })
  const waiters = new Map()
  let buffered = ''
  let ready
  const isReady = new Promise((resolve) => (ready = resolve))
  helper.stdout.on('data', (chunk) => {
    buffered += chunk
    for (let i; (i = buffered.indexOf('\n')) >= 0; buffered = buffered.slice(i + 1)) {
      const [kind, id] = buffered.slice(0, i).split(' ')
      if (kind === 'R') ready()
      if (kind === 'E' || kind === 'F') waiters.get(id)?.(), waiters.delete(id)
    }
  })
  await isReady
  let next = 0
  const one = (id) => new Promise((resolve) => {
    waiters.set(String(id), resolve)
    helper.stdin.write(`${[id, '/tmp', '/dev/null', '', 'a', env.length, ...env, 1, tool].join('\0')}\0`)
  })
  const [t0, c0] = [performance.now(), cpuOf(helper.pid)]
  await Promise.all(Array.from({ length: Number(K) }, async () => { while (next < Number(N)) await one(next++) }))
  const result = { wall: (performance.now() - t0) / N, cpu: (cpuOf(helper.pid) - c0) / N }
  helper.stdin.end()
  return result
}

for (const [name, command] of Object.entries(SPAWNERS)) {
  const r = await throughSpawner(command)
  console.log(`${name.padEnd(7)} ${r.wall.toFixed(2)} ms wall, ${r.cpu.toFixed(2)} ms CPU per start (${N} starts of ${tool}, ${K} in flight)`)
}
// xargs and every command it started: GNU time counts the children it waited for.
const x = spawnSync('/bin/sh', ['-c', `seq ${N} | /usr/bin/time -f '%e %U %S' xargs -P ${K} -n 1 ${tool} >/dev/null`], { encoding: 'utf8' })
const [wall, user, sys] = x.stderr.trim().split('\n').pop().split(' ').map(Number)
console.log(`${'xargs'.padEnd(7)} ${((wall * 1000) / N).toFixed(2)} ms wall, ${(((user + sys) * 1000) / N).toFixed(2)} ms CPU per start`)
